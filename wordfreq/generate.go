package wordfreq

//go:generate go run gen_frequency.go -src ${FREQUENCYWORDS_DIR}
