package bot

import "corpusbot/i18n"

// The English texts the unit tests expect, from the catalogue.
var (
	en                   = func(k i18n.Key) string { return i18n.Text(i18n.English, k) }
	textBriefingFailed   = en(i18n.BriefingFailed)
	textContextTooLong   = en(i18n.ContextTooLong)
	textEmptyQuestion    = en(i18n.EmptyQuestion)
	textEmptyReply       = en(i18n.EmptyReply)
	textFailed           = en(i18n.Failed)
	textIncomplete       = en(i18n.Incomplete)
	textInterrupted      = en(i18n.Interrupted)
	textMisconfigured    = en(i18n.Misconfigured)
	textNoMessageText    = en(i18n.NoMessageText)
	textNoTerms          = en(i18n.NoTerms)
	textNoWords          = en(i18n.NoWords)
	textNothingNew       = en(i18n.NothingNew)
	textRateLimited      = en(i18n.RateLimited)
	textReloadAdminsOnly = en(i18n.ReloadAdminsOnly)
	textRestarting       = en(i18n.Restarting)
	textStaleButton      = en(i18n.StaleButton)
	textSummaryOne       = en(i18n.SummaryOne)
	textTimeout          = en(i18n.ModelTimeout)
	textUnavailable      = en(i18n.ModelUnavailable)
	textUnknownCommand   = en(i18n.UnknownCommand)
	textUnknownDoc       = en(i18n.UnknownDocument)
)
