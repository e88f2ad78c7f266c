package synonyms

// en.txt.gz is generated from Open English WordNet; see gen_wordnet.go for
// where to get it and its licence.
//
//go:generate go run gen_wordnet.go -wordnet ${OEWN_DIR}

// zh.txt.gz is generated from CC-CEDICT; see gen_cedict.go and README.md.
//
//go:generate go run gen_cedict.go -cedict ${CEDICT_FILE}

// omw/<lang>.txt.gz are generated from the Open Multilingual Wordnet's
// wordnets; see gen_omw.go and README.md.
//
//go:generate go run gen_omw.go -omw ${OMW_WNS}
