package wordfreq

//go:generate go run gen_frequency.go -src ${FREQUENCYWORDS_DIR}
//go:generate go run gen_langs.go -src ${FREQUENCYWORDS_DIR}
