// r's date falls in $from..$to (either may be null: open). Dates are ISO strings; a relationship
// with a period (date..dateEnd) matches when the period overlaps the range.
($from IS NULL OR coalesce(r.dateEnd, r.date) >= $from) AND ($to IS NULL OR r.date <= $to)
