import * as XLSX from '@e965/xlsx';

/** The part of SheetJS's bundled zip library (XLSX.CFB, untyped in its declarations) used here. */
interface ZipContainer {
  FullPaths: string[];
  FileIndex: { content: Uint8Array | number[] }[];
}
interface ZipLibrary {
  read(data: Buffer, options: { type: 'buffer' }): ZipContainer;
  write(container: ZipContainer, options: { type: 'buffer'; fileType: 'zip'; compression: boolean }): Uint8Array;
}
const zip = XLSX.CFB as ZipLibrary;

/** The header row stays in view while the rows scroll under it (Excel's View › Freeze Top Row). */
const FROZEN_VIEW = '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>';

/**
 * Freezes the first row of each of the workbook's `sheets` worksheets. SheetJS's community build
 * writes no panes, so its sheet XML's empty sheet view is replaced with one that has a frozen pane.
 */
export function freezeHeaderRows(xlsx: Buffer, sheets: number): Buffer {
  const book = zip.read(xlsx, { type: 'buffer' });
  for (let i = 1; i <= sheets; i++) {
    const index = book.FullPaths.findIndex((p) => p.endsWith(`/xl/worksheets/sheet${i}.xml`));
    const entry = book.FileIndex[index];
    if (!entry) throw new Error(`sheet ${i} missing from the workbook`);
    const xml = Buffer.from(entry.content).toString('utf8');
    const frozen = xml.replace(/<sheetView workbookViewId="0"(?: rightToLeft="0")?\/>/, FROZEN_VIEW);
    if (frozen === xml) throw new Error(`sheet ${i} has no sheet view to freeze`);
    entry.content = Buffer.from(frozen, 'utf8');
  }
  return Buffer.from(zip.write(book, { type: 'buffer', fileType: 'zip', compression: true }));
}
