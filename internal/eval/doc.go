// Package eval scores the coder against gold codings in the two formats of
// the development sets: expected-event sets (petr2_gsr) scored by root and
// dyad, and penta-class sets (cameo_train) scored by the class of the most
// confident event and by actor-span overlap. The rules follow
// ../shared/eval/README.md exactly.
package eval
