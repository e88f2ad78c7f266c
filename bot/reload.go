package bot

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"corpusbot/corpus"
	"corpusbot/i18n"
	"corpusbot/text"
)

// reloadPermissions are the member permissions that may use /reload:
// Administrator or Manage Server.
const reloadPermissions = discordgo.PermissionAdministrator | discordgo.PermissionManageGuild

// textReloadFailed opens a failed reload's reason. What an admin reads of
// a reload (its report and the reasons it failed) stays in English, the
// operator's language, like the logs it points to.
const textReloadFailed = "Reload failed, the current index stays: "

// canReload reports whether the member who used an interaction may reload
// the documents. Discord computes Member.Permissions for the channel
// (roles, overwrites and ownership included) and sends it with every
// interaction in a guild; a DM has no member and no such permission.
// The registration already hides /reload from everyone else, but a server
// admin can grant it to any role, so the bot checks again.
func canReload(m *discordgo.Member) bool {
	return m != nil && m.Permissions&reloadPermissions != 0
}

// reload is /reload: re-read the corpus folder and swap the new index in
// (Config.Reload). Questions in flight finish on the old index. It ignores
// the channel and role allow-lists, which say where questions are
// answered, not who runs the bot.
func (b *Bot) reload(ctx context.Context, i *discordgo.Interaction) {
	user := b.users.HashUser(interactionUser(i).ID)
	lang := interactionLang(i, "")
	switch {
	case b.cfg.Reload == nil:
		b.respondEphemeral(ctx, i, i18n.Text(lang, i18n.UnknownCommand))
		return
	case b.isStopping():
		b.respondEphemeral(ctx, i, i18n.Text(lang, i18n.Restarting))
		return
	case !canReload(i.Member):
		b.log.Info("/reload refused: not an admin", "user", user)
		b.respondEphemeral(ctx, i, i18n.Text(lang, i18n.ReloadAdminsOnly))
		return
	}
	if !b.deferResponse(ctx, i, true) {
		return
	}
	b.log.Info("/reload", "user", user)
	report, err := b.cfg.Reload(ctx)
	if err != nil {
		b.log.Warn("/reload failed; the current index stays", "user", user, "error", err)
		b.editResponse(ctx, i, reply{content: reloadFailedText(err)})
		return
	}
	if strings.TrimSpace(report) == "" {
		report = "reloaded"
	}
	b.editResponse(ctx, i, reply{content: Neutralize(upperFirst(report))})
}

// reloadFailedText tells an admin why a reload failed, without the paths
// of the server's file system: at most the folder's or file's own name.
func reloadFailedText(err error) string {
	var pe *fs.PathError
	reason := "the details are in the bot's log"
	switch {
	case errors.Is(err, corpus.ErrNoDocuments):
		reason = "the corpus folder has no document I can read (" + strings.Join(corpus.Extensions(), ", ") + ")"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		reason = "it was interrupted; the bot is shutting down"
	case errors.As(err, &pe):
		name := "the corpus folder"
		if base := filepath.Base(pe.Path); base != "." && base != string(filepath.Separator) {
			name = "“" + escapeMarkdown(text.Clip(text.OneLine(base), 100)) + "”"
		}
		switch {
		case errors.Is(pe.Err, fs.ErrNotExist):
			reason = name + " does not exist"
		case errors.Is(pe.Err, fs.ErrPermission):
			reason = name + " can't be read: permission denied"
		default:
			reason = fmt.Sprintf("%s can't be read: %v", name, pe.Err)
		}
	}
	return Neutralize(textReloadFailed + reason + ".")
}

// upperFirst capitalises a report for display: "reloaded 5 documents…".
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
