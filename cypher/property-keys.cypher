CALL db.propertyKeys() YIELD propertyKey
RETURN propertyKey
ORDER BY propertyKey
