
export interface Column<T> {
	key: string;
	header: string;
	value: (row: T) => string | number | boolean | null | undefined;
}

/** RFC 4180 CSV with a BOM (so Excel opens UTF-8 names correctly) and formula-injection guard. */
export function toCsv<T>(rows: T[], columns: Column<T>[]): string {
	const cell = (v: unknown) => {
		let s = v === null || v === undefined ? '' : String(v);
		if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
		return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	const lines = [columns.map((c) => cell(c.header)).join(','), ...rows.map((r) => columns.map((c) => cell(c.value(r))).join(','))];
	return '\ufeff' + lines.join('\r\n') + '\r\n';
}

export async function toXlsx<T>(rows: T[], columns: Column<T>[], sheet: string): Promise<Uint8Array> {
	// Loaded on the first XLSX export, not at start: the library is large and most processes never export.
	const { default: ExcelJS } = await import('exceljs');
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Taman';
	const ws = wb.addWorksheet(sheet.slice(0, 31));
	ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length + 2) }));
	for (const r of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(r) ?? null])));
	ws.getRow(1).font = { bold: true };
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
