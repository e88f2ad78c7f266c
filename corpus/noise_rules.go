package corpus

// noiseRules holds the line patterns of the noise rules. Every pattern is
// written folded (lower case, Arabic normalised: see fold) and is matched
// against folded short paragraphs, or their markerText.
type noiseRules struct {
	// boilerplate: a short line containing one is dropped.
	boilerplate []string
	// boilerplateLines: a short line that is exactly one is dropped.
	boilerplateLines []string
	// photoCredits: a line of a few words containing one is dropped.
	photoCredits []string
	// photoLabels: a line of a few words that starts with one, or has one
	// after a full stop, is a photo credit, and dropped ("Photo: AFP", but
	// not "Docker image: nginx").
	photoLabels []string
	// comments: a line starting with one opens a comment section; it and
	// everything after it are dropped.
	comments []string
	// commentCounts follow a number: "12 comments".
	commentCounts []string
	// related: a line that is exactly one heads links to other stories;
	// it is dropped and, after the article, what follows is Aside.
	related []string
	// credits: a line starting with one signs the article off; it stays
	// Body and what follows is Aside.
	credits []string
	// inlineRelated: a line starting with one is a link to another story,
	// Aside.
	inlineRelated []string
}

// newNoiseRules returns the patterns for English, French and Arabic pages,
// with a few German and Spanish ones.
func newNoiseRules() *noiseRules {
	return &noiseRules{
		boilerplate: []string{
			// comment forms (WordPress and the like)
			"you are commenting using", "fill in your details below", "click an icon to log in",
			"log out / change", "notify me of new comments", "notify me of new posts",
			"your email address will not be published", "required fields are marked",
			"save my name, email", "bloggers like this", "log in to reply",
			// copyright
			"©", "all rights reserved", "tous droits réservés", "todos los derechos reservados",
			"alle rechte vorbehalten", "جميع الحقوق محفوظه",
			// sharing and subscribing
			"click to share on", "click to email", "click to print", "share this:",
			"share on facebook", "share on twitter", "share on whatsapp", "share on linkedin",
			"partager sur facebook", "partager sur twitter", "subscribe to our newsletter",
			"sign up for our newsletter", "inscrivez-vous à notre newsletter",
			"abonnez-vous à notre newsletter", "follow us on", "suivez-nous sur",
			"تابعونا علي", "we use cookies", "this site uses cookies", "accept cookies",
			"enable javascript", "javascript is disabled", "skip to content",
		},
		boilerplateLines: []string{
			"advertisement", "advertisements", "sponsored", "sponsored content", "publicité",
			"اعلان", "share", "share this", "share this article", "partager", "tweet",
			"print", "email", "like", "like this", "like loading", "loading", "menu", "log in", "sign in", "subscribe", "newsletter",
			"facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit", "telegram",
		},
		photoCredits: []string{
			"crédit photo", "crédits photo", "photo credit", "getty images", "afp photo",
			"مصدر الصوره",
		},
		photoLabels: []string{
			"photo:", "photo :", "photos:", "photograph:", "image:", "image :", "credit:",
			"crédit :", "الصوره:", "الصوره :", "صوره:",
		},
		comments: []string{
			"leave a reply", "leave a comment", "post a comment", "add a comment",
			"join the conversation", "laisser un commentaire", "ajouter un commentaire",
			"laisser une réponse", "اضف تعليق", "اترك تعليقا", "hinterlasse einen kommentar",
			"deja un comentario",
		},
		commentCounts: []string{
			" comment", " comments", " responses", " replies", " commentaires",
			" réactions", " تعليق", " تعليقات",
		},
		related: []string{
			"related", "related articles", "related stories", "related posts", "related news",
			"related content", "related coverage", "related topics", "recommended",
			"recommended for you", "recommended stories", "recommended articles", "more from",
			"more stories", "more news", "more on this story", "more on this topic",
			"you may also like", "you might also like", "you may be interested in",
			"read next", "read also", "also read", "most read", "most popular",
			"most viewed", "trending", "trending now", "top stories", "latest news",
			"latest stories", "what to read next", "sur le même sujet", "à lire aussi",
			"a lire aussi", "lire aussi", "à lire également", "lire également", "voir aussi",
			"les plus lus", "les plus populaires", "dans la même rubrique",
			"nos recommandations", "موصي به", "اقرا ايضا", "اقرا المزيد", "مقالات ذات صله",
			"ذات صله", "اخبار ذات صله", "مواضيع ذات صله", "الاكثر قراءه", "قد يعجبك ايضا",
			"lo más leído", "noticias relacionadas", "te puede interesar",
			"das könnte sie auch interessieren", "mehr zum thema",
		},
		credits: []string{
			"additional reporting by", "additional reporting from", "reporting by",
			"with reporting by", "editing by", "writing by", "edited by", "avec afp",
			"avec reuters", "avec ap", "ساهم في التغطيه",
			"شارك في التغطيه",
		},
		inlineRelated: []string{
			"lire aussi", "à lire aussi", "a lire aussi", "lire également", "à lire également",
			"voir aussi", "read also", "read more:", "also read", "related:",
			"اقرا ايضا", "اقرا المزيد", "lee también", "lea también", "leia também",
			"mehr zum thema", "auch interessant",
		},
	}
}
