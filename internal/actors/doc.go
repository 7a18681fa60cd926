// Package actors recognises who is who in a document: countries, their
// capitals and seats of power, people in office, international bodies and
// armed groups, and role words ("army", "police", "militants") that combine
// with a country. Dictionaries are TSV files (phrase, code, from, until,
// source) compiled once into an immutable Dict; a person's or group's code
// is chosen by the article's date. References inside an article ("both
// countries", "the group", "he") resolve to the salient earlier actors.
package actors
