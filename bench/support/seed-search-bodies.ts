import pg from 'pg';

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

/**
 * Rewrites the seeded messages' bodies (seed-report-history writes one sentence for all) into varied
 * text, in SQL: the generated search vectors are recomputed by the database as it goes.
 */
export async function seedSearchBodies(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT setseed(0.17)');
    // Bulk: the GIN index is built once afterwards rather than kept row by row.
    await client.query('DROP INDEX "MessageIndex_searchVector_idx"');
    await client.query(
      `UPDATE "MessageIndex" m SET "body" = generated.body
       FROM (
         SELECT m2."sid",
           array_to_string(ARRAY(
             SELECT ($1::text[])[1 + floor(random() * array_length($1::text[], 1))::int]
             FROM generate_series(1, 6 + (get_byte(decode(right(m2."sid", 2), 'hex'), 0) % 15)) w
             WHERE m2."sid" IS NOT NULL
           ), ' ') || CASE WHEN random() < 0.0001 THEN ' zanzibar' ELSE '' END AS body
         FROM "MessageIndex" m2
       ) generated
       WHERE generated."sid" = m."sid"`,
      [VOCABULARY],
    );
    await client.query('CREATE INDEX "MessageIndex_searchVector_idx" ON "MessageIndex" USING GIN ("searchVector")');
  } finally {
    await client.end();
  }
}
