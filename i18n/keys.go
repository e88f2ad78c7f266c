package i18n

// Key names a message of the catalogue.
type Key int

// Messages of the answer pipeline: abstentions, headings and the notes
// under an answer.
const (
	NotCovered      Key = iota // the abstention
	NotVerified                // an abstention: the model's reply could not be verified
	Nearest                    // heading of the nearest documents of an abstention
	NearestLabel               // the same in the terminal, with its colon
	Sources                    // heading of the sources in Discord
	SourcesLabel               // heading of the sources in the terminal, with its colon
	CheckSentences             // opens the notes on marked sentences
	WhyNoQuote                 // %s: the citations
	WhyShortQuote              //
	WhyNotFound                // %s: the citations
	WhyOtherPassage            // %s: the passage the quote is from
	WhyOtherUncited            //
	WhyNumber                  // %s: a figure
	WhyName                    // %s: a name
	WhyNegation                //
	WhyUncited                 //
	WhyCodeNotFound            // a line of a code block in no cited passage
	WhyCodeUncited             // a line of a code block from a passage the answer does not cite
	CutLength                  //
	CutStream                  //
	ExtractiveNote             //
	FallbackNote               //
	AnsweredOther              // %s: the language the model answered in, named in the reader's
	WroteOther                 // %s: as AnsweredOther, under a summary or a briefing, which answer no question

	// What the bot says when it cannot answer, and its other texts.

	EmptyQuestion        //
	EmptyQuestionExample // %s: a title of the documents, as an example
	NoWords              //
	NoWordsExample       // %s: a title of the documents
	UnknownDocument      //
	NothingNew           //
	EmptyReply           //
	EmptyReplyBudget     // the model spent its token budget before writing; names MAX_ANSWER_TOKENS
	EmptyReplyFiltered   // the provider's content filter stopped the reply before anything was written
	BriefingFailed       //
	RateLimited          //
	ModelTimeout         //
	ModelUnavailable     //
	Misconfigured        //
	ContextTooLong       //
	Incomplete           //
	NoTerms              //
	Interrupted          //
	Restarting           //
	Failed               //
	SummaryOne           //
	NoMessageText        //
	UnknownCommand       //
	StaleButton          //
	OtherGuild           //
	VoteNotSaved         //
	AnswerNotSaved       //
	ConversationReset    //
	TurnNotSaved         //
	ThreadNotSaved       //
	MovedBelow           //
	AnswerTimeout        // %s: a duration (Seconds or Minutes)
	TooLongLimit         // %s: the limit (Characters)
	TooLong              //
	Cooldown             // %s: a duration
	Busy                 // %s: a duration
	QueueFull            //
	ThreadHint           // "@me" becomes the bot's mention
	ShowPassage          // %d: a citation number; a button's label
	Helpful              // a button's label
	NotHelpful           // a button's label
	NewConversation      // a button's label
	VotedUp              //
	VotedDown            //
	PassageGone          // %d: a citation number
	NoSuchPassage        // %d: a citation number
	AnswerGone           //
	SeveralDocs          // %[1]s: what was typed; %[2]s: how many match (Documents)
	BriefingFor          // %s: a Discord timestamp
	NothingSinceLast     //
	OnlyChannels         // %s: channel mentions
	NotThisChannel       //
	RolesOnly            //
	ReloadAdminsOnly     //
	LateAnswer           // %s: the asker's mention
	NoMatch              // %s: the query
	SearchTitle          // %s: the query
	SearchHelp           //
	PassageTitle         // %d: the passage's index in its document
	AsideNote            //
	QuoteBold            //
	QuoteChanged         //
	QuoteNone            //
	PageOf               // %d of %d
	ThreadName           // a thread's name when the question gives none
	Line                 // %d: where a cited text is in its file
	Lines                // %d–%d
	Page                 // %d: in a PDF
	Pages                // %d–%d
	Slide                // %d: in a deck (PowerPoint), where Page would say page
	Slides               // %d–%d

	// The slash commands' descriptions and the message command's name.

	CmdAsk            // the /ask command
	OptQuestion       // /ask's question
	OptPrivate        // /ask's private
	OptNew            // /ask's new
	CmdSummary        // the /summary command
	OptDocument       // /summary's document
	OptSummaryTopic   // /summary's topic
	CmdBriefing       // the /briefing command
	OptBriefingTopic  // /briefing's topic
	CmdSearch         // the /search command
	OptQuery          // /search's query
	CmdSources        // the /sources command
	CmdReload         // the /reload command
	CmdAskMessage     // the message command's name in the Apps menu, at most 32 characters
	AnswerInterrupted // the terminal's mark of an answer cut short
	Quoted            // %s: words quoted in a note, in the language's quotation marks
	NoLLMHint         // the terminal's hint under an extractive answer, summary or briefing; names the settings, kept in English
	NoSentences       // an extractive summary of a document of headings, lists, tables or code only
	OtherLanguage     // an extractive abstention on a question in no document's language; %s: the documents' languages (LanguageNames)
	SummarisedPart    // a note under the summary of a document over the budget; %s: the passages it drew on (Count Passages), %d: the document's passages

	numKeys
)

// CountKey names a message about a number, whose wording depends on it.
type CountKey int

// Counted messages; each form has the number as %d, or leaves it out.
const (
	Seconds        CountKey = iota // a wait, after "in" or "wait"
	Minutes                        // a wait, after "in" or "wait"
	QuestionsAhead                 // questions queued before the reader's
	Documents                      // a number of documents, as a subject
	MoreDocuments                  // how many more documents match than are listed
	Characters                     // a question's length limit, after "at most"
	Words                          // a document's length
	Passages                       // a document's passages

	numCountKeys
)
