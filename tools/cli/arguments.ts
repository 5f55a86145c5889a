const isWholeNumber = (value: string) => /^\d+$/.test(value);

/** Reads a command-line flag that must be a whole number of at least 1. */
export function positiveInteger(value: string, flag: string): number {
	if (!isWholeNumber(value) || Number(value) < 1) {
		throw new Error(`${flag} must be a positive whole number, not "${value}"`);
	}
	return Number(value);
}

/** Reads a command-line flag that must be a whole number from `min` to `max`. */
export function wholeNumber(value: string, flag: string, range: { min: number; max: number }) {
	if (!isWholeNumber(value) || Number(value) < range.min || Number(value) > range.max) {
		throw new Error(
			`${flag} must be a whole number from ${range.min} to ${range.max}, not "${value}"`,
		);
	}
	return Number(value);
}
