// m carries one of $labels, or $labels is empty (any label).
(size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
