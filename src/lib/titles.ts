// One collator for every comparison: localeCompare with options builds a new one per call.
const titleCollator = new Intl.Collator('en', { sensitivity: 'base' });

/** Orders entries by title as a reader expects: case and accents aside. */
export const byTitle = (a: { data: { title: string } }, b: { data: { title: string } }) =>
	titleCollator.compare(a.data.title, b.data.title);
