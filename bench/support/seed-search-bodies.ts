// Words support conversations are made of, for message bodies that search has to work through:
// each body is 6–20 of them at random, and one message in 10,000 also carries a rare word.
const VOCABULARY = `order refund delivery parcel tracking number address payment card charged twice invoice account password
login reset email phone subscription cancel renew upgrade plan price discount coupon code shipping late damaged broken
missing item size colour exchange return label courier driver weekend monday tuesday morning evening tomorrow today
thanks please hello sorry great help question issue problem support agent manager store online app website error
update status confirm booking appointment table reservation menu allergy vegan gluten wine dessert birthday party
wedding catering delivery window receipt warranty repair technician install battery charger screen cable adapter
blue red green black white small medium large socks shoes jacket dress shirt trousers hat scarf gloves bag wallet`
  .split(/\s+/)
  .filter(Boolean);

// Plain lower-case words only, so the list can be written into the SQL as a literal.
const WORDS = `ARRAY[${VOCABULARY.map((word) => `'${word.replace(/[^a-z]/g, '')}'`).join(',')}]`;

/**
 * A varied message body as SQL, for seedReportHistory's `messageBody`: written in the insert
 * itself, so each message's search vector is computed once (rewriting a million bodies afterwards
 * doubled the work and, on PGlite, took longer than everything else). The subquery names `n` so
 * that it is evaluated per row, not once.
 */
export const SEARCH_BODY_SQL = `array_to_string(ARRAY(
  SELECT (${WORDS})[1 + floor(random() * ${VOCABULARY.length})::int] FROM generate_series(1, 6 + (n % 15)::int) w WHERE n IS NOT NULL
), ' ') || CASE WHEN random() < 0.0001 THEN ' zanzibar' ELSE '' END`;
