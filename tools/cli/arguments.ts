/** Reads a command-line flag that must be a whole number of at least 1. */
export function positiveInteger(value: string, flag: string): number {
	if (!/^\d+$/.test(value) || Number(value) < 1) {
		throw new Error(`${flag} must be a positive whole number, not "${value}"`);
	}
	return Number(value);
}
