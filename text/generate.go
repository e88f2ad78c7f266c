package text

// The tables below are generated from public sources; see the generators
// for where to get them and their licences.
//
//go:generate go run gen_han.go -src ${OPENCC_DIR}/data/dictionary/TSCharacters.txt
//go:generate go run gen_stop.go -snowball ${SNOWBALL_WEBSITE_DIR} -bleve ${BLEVE_DIR}
//go:generate go run gen_zhwords.go -src ${JIEBA_DIR}/extra_dict/dict.txt.small
//go:generate go run gen_thwords.go -src ${PYTHAINLP_DIR}/pythainlp/corpus/words_th.txt
//go:generate go run gen_dictwords.go -icu ${ICU_DIR}
//go:generate go run gen_hewords.go -src ${FREQUENCYWORDS_DIR}/content/2018/he/he_50k.txt
//go:generate go run gen_viwords.go -src ${PYVI_DIR}/pyvi/models/words.txt
//go:generate go run gen_numwords.go
