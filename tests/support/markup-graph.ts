// A graph whose texts are markup: HTML, Markdown links and images, block starts, a `javascript:`
// source address, and quotes broken by CR, LF and CRLF. For the exports that write text into a
// document (citations), which must show these as the text they are.
import { applySchema } from '../../server/loader/load.ts';
import type { GraphStore } from '../../server/store/port.ts';

export const markupTexts = {
  personName: '<img src=x onerror=alert(1)> Ivan',
  countryName: '[Evil](javascript:alert(1)) & Co *bold* <b>x</b>',
  summary: '<script>alert("summary")</script> ![pixel](http://tracker.example/p.png) # not a heading',
  quote: 'First line\rsecond after a CR\r\n- not a list\n<iframe src="javascript:alert(1)"></iframe>',
  publisher: '<a href="javascript:alert(1)">Press</a>',
  title: '`code` _under_ ~~struck~~ | pipe',
  hostileUrl: 'javascript:alert(document.cookie)',
  safeUrl: 'https://example.org/a?b=<c>',
};

/** The markup graph's node and relationship ids. */
export const markupIds = {
  person: 'markup:person',
  country: 'markup:country',
  hostileSource: 'source:markup-hostile',
  safeSource: 'source:markup-safe',
  relationship: 'rel:markup',
};

/** Writes the markup graph (schema first) into an empty store. */
export async function seedMarkup(store: GraphStore): Promise<void> {
  await applySchema(store);
  const nodes = [
    { id: markupIds.person, label: 'Person', properties: { name: markupTexts.personName } },
    { id: markupIds.country, label: 'Country', properties: { name: markupTexts.countryName } },
    {
      id: markupIds.hostileSource,
      label: 'Source',
      properties: {
        title: markupTexts.title,
        publisher: markupTexts.publisher,
        published: '2024-06-01',
        url: markupTexts.hostileUrl,
      },
    },
    {
      id: markupIds.safeSource,
      label: 'Source',
      properties: { title: 'Safe', publisher: 'Press', published: '2024-06-02', url: markupTexts.safeUrl },
    },
  ];
  for (const node of nodes) {
    await store.write(
      { text: `CREATE (n:Entity:\`${node.label}\`) SET n = $properties` },
      { properties: { ...node.properties, id: node.id } },
    );
  }
  await store.write(
    {
      text: 'MATCH (a:Entity {id: $source}), (b:Entity {id: $target}) CREATE (a)-[r:VISITED]->(b) SET r = $properties',
    },
    {
      source: markupIds.person,
      target: markupIds.country,
      properties: {
        id: markupIds.relationship,
        date: '2024-05-16',
        summary: markupTexts.summary,
        quote: markupTexts.quote,
        sources: [markupIds.hostileSource, markupIds.safeSource],
      },
    },
  );
}
