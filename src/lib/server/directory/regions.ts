import { getProvinces, getRegencies } from 'idn-area-data';

/** Kemendagri region codes from `idn-area-data` (ODbL), loaded once and kept in memory. */
export interface Region {
	code: string;
	name: string;
}
export interface Regions {
	provinces: Region[];
	regencies: (Region & { provinceCode: string })[];
	byCode: Map<string, string>;
}

let cached: Promise<Regions> | undefined;

/** "KABUPATEN MALANG" → "Kabupaten Malang"; "DKI JAKARTA" keeps its acronym. */
function titleCase(s: string): string {
	return s
		.toLowerCase()
		.replace(/(^|[\s(-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase())
		.replace(/\bDki\b/, 'DKI')
		.replace(/\bDi\b/, 'DI');
}

export function regions(): Promise<Regions> {
	cached ??= (async () => {
		const provinces = (await getProvinces()).map((p) => ({ code: p.code, name: titleCase(p.name) }));
		const regencies = (await getRegencies({ transform: true })).map((r) => ({
			code: r.code,
			name: titleCase(r.name),
			provinceCode: r.provinceCode
		}));
		const byCode = new Map<string, string>([...provinces, ...regencies].map((r) => [r.code, r.name]));
		return { provinces, regencies, byCode };
	})();
	return cached;
}

/** Null when valid; otherwise the message key naming the problem. */
export async function checkRegion(provinceCode: string, regencyCode: string): Promise<string | null> {
	const r = await regions();
	if (!r.provinces.some((p) => p.code === provinceCode)) return 'err_region_province';
	if (!r.regencies.some((g) => g.code === regencyCode && g.provinceCode === provinceCode)) return 'err_region_regency';
	return null;
}
