// The labels the database knows: user-given labels are checked against this list.
CALL db.labels() YIELD label
RETURN label
ORDER BY label
