// Package killtest holds the SIGKILL loop of "make test-long": the kinerja
// command line is killed again and again in the middle of its writes, and
// after every kill the data file must open, pass the whole-file check, and
// hold every write the killed process had reported as committed.
package killtest
