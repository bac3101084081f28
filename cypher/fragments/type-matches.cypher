// r's type is one of $types, or $types is empty (any type).
(size($types) = 0 OR type(r) IN $types)
