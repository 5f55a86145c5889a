/** What `/usr/bin/time -v` says of a finished command and every process it waited for. */
export interface ProcessUsage {
	wallMs: number;
	/** User plus system time, over all processes. */
	cpuMs: number;
	/** The peak resident memory of the largest single process, as GNU time reports it. */
	maxRssBytes: number;
}

const field = (report: string, label: string): string => {
	const line = report.split('\n').find((line) => line.trim().startsWith(`${label}:`));
	if (!line) throw new Error(`/usr/bin/time -v reported no "${label}"`);
	return line.slice(line.lastIndexOf(': ') + 2).trim();
};

/** Parses the report GNU `time -v -o FILE` writes. */
export function readTimeReport(report: string): ProcessUsage {
	// "h:mm:ss" or "m:ss.cc"
	const wall = field(report, 'Elapsed (wall clock) time (h:mm:ss or m:ss)')
		.split(':')
		.reduce((total, part) => total * 60 + Number(part), 0);
	const user = Number(field(report, 'User time (seconds)'));
	const system = Number(field(report, 'System time (seconds)'));
	return {
		wallMs: wall * 1000,
		cpuMs: (user + system) * 1000,
		maxRssBytes: Number(field(report, 'Maximum resident set size (kbytes)')) * 1024,
	};
}
