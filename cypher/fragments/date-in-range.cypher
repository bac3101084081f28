// r's implied interval overlaps $from..$to (ISO dates, inclusive; either may be null: open).
// r covers date (through dateEnd, for a period) at its datePrecision: a month-precision date is
// its whole month, a year-precision one its whole year, a missing precision the day as written
// (common/dates/date-interval.ts, which the page filters with, gives the same answers).
// ISO strings compare as dates. At month precision the interval ends on or after $from when
// dateEnd (else date) is on or after $from, or falls in $from's month: the first 7 characters
// are equal (4 for a year). Likewise it starts on or before $to when date is on or before $to,
// or falls in $to's month (year). So no month ends or leap years are computed, and day-precision
// relationships are decided by the first comparison. Undated relationships pass only when both
// bounds are open.
(
  ($from IS NULL
    OR coalesce(r.dateEnd, r.date) >= $from
    OR (r.datePrecision = 'month' AND left(coalesce(r.dateEnd, r.date), 7) = left($from, 7))
    OR (r.datePrecision = 'year' AND left(coalesce(r.dateEnd, r.date), 4) = left($from, 4)))
  AND ($to IS NULL
    OR r.date <= $to
    OR (r.datePrecision = 'month' AND left(r.date, 7) = left($to, 7))
    OR (r.datePrecision = 'year' AND left(r.date, 4) = left($to, 4)))
)
