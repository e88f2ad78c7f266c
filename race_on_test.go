//go:build race

package main

// raceEnabled: the tests run with -race, and so do the processes they build.
const raceEnabled = true
