package sentvec

//go:generate go run gen_model.go -o model.bin
