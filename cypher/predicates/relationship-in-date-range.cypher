// The one date-range predicate: `{{relationship-in-date-range}}` in a query file is replaced by this
// (server/store/queries.ts), so every query that filters by date filters the same way. It reads the
// relationship as `r` and the range as $from and $to (ISO dates, either null for an open end).
// A relationship matches when its date, or its period date..dateEnd, overlaps the range; with a
// range given, an undated relationship does not match.
($from IS NULL OR coalesce(r.dateEnd, r.date) >= $from) AND ($to IS NULL OR r.date <= $to)
