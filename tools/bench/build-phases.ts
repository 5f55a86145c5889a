/** Astro's and our integrations' log lines that say how long a phase took or what it produced. */
const PHASE_LINE = /Completed in|built in|Generated \d|Indexed \d/;
const COLOURS = /\x1b\[[0-9;]*m/g;

/** The lines of a build log that time its phases, without colours, to show where the time goes. */
export function buildPhases(output: string): string[] {
	return output
		.split('\n')
		.map((line) => line.replace(COLOURS, '').trim())
		.filter((line) => PHASE_LINE.test(line));
}
