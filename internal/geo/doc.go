// Package geo holds the gazetteer embedded in the binary (countries,
// first-level subdivisions, and GeoNames places of 15,000 people or more
// plus every capital and provincial seat), finds place mentions in a
// document, resolves them with the article's context (the countries it
// names, its actors' countries, population) rather than by name alone, and
// gives each event the place where it happened.
package geo
