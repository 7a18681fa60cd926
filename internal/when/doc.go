// Package when finds temporal expressions in a sentence's tokens and
// resolves them against the article's publication date: explicit dates
// ("on 18 March 2024", "March 18"), weekdays ("on Monday" is the most
// recent Monday on or before publication), months ("in January" is the
// most recent January not after publication), years ("in 2013", "since
// 2021"), relative phrases ("last week", "earlier this month", "two days
// ago") and ranges. Span detection is annals' own; explicit calendar dates
// are parsed with github.com/markusmobius/go-dateparser. An expression that
// needs a reference date and has none is reported unresolved.
package when
