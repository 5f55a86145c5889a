import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Which addresses the link checker may connect to: public unicast only. Loopback, private,
 * carrier-grade NAT, link-local (cloud metadata at 169.254.169.254), multicast, reserved and
 * documentation ranges are refused, so a contributed URL or a redirect cannot reach the machine
 * running the check or its network.
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
	['0.0.0.0', 8],
	['10.0.0.0', 8],
	['100.64.0.0', 10],
	['127.0.0.0', 8],
	['169.254.0.0', 16],
	['172.16.0.0', 12],
	['192.0.0.0', 24],
	['192.0.2.0', 24],
	['192.168.0.0', 16],
	['198.18.0.0', 15],
	['198.51.100.0', 24],
	['203.0.113.0', 24],
	['224.0.0.0', 4],
	['240.0.0.0', 4],
] as const)
	NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
	['::', 127],
	['64:ff9b::', 96],
	['100::', 64],
	['2001:db8::', 32],
	['fc00::', 7],
	['fe80::', 10],
	['ff00::', 8],
] as const)
	NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');

export function isPublicAddress(address: string): boolean {
	const family = isIP(address);
	if (family === 0) return false;
	// An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	if (mapped) return isPublicAddress(mapped[1]!);
	return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type Resolve = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolve: Resolve = (hostname) => lookup(hostname, { all: true });

/** Thrown when a host resolves only to addresses the checker must not connect to. */
export class BlockedAddressError extends Error {
	readonly code = 'EBLOCKED';
}

/**
 * Resolves a host name and picks an address the checker may connect to. `allowed` is the
 * explicit list of otherwise refused addresses a caller opts into (tests use 127.0.0.1).
 */
export async function safeAddress(
	hostname: string,
	resolve: Resolve,
	allowed: readonly string[],
): Promise<{ address: string; family: number }> {
	const bare = hostname.replace(/^\[|\]$/g, '');
	const candidates = isIP(bare) ? [{ address: bare, family: isIP(bare) }] : await resolve(bare);
	const ok = (address: string) => isPublicAddress(address) || allowed.includes(address);
	const refused = candidates.find(({ address }) => !ok(address));
	if (refused || !candidates.length)
		throw new BlockedAddressError(
			isIP(bare)
				? `${bare} is not a public address`
				: `${bare} resolves to ${refused?.address ?? 'no address'}, which is not a public address`,
		);
	return candidates[0]!;
}
