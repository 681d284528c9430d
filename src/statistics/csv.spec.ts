import { csvFile, csvTable } from './csv';

describe('CSV for spreadsheets', () => {
  const columns = [{ header: 'navn' }, { header: 'timer', decimals: 2 }, { header: 'antall' }];

  it('writes semicolons and decimal commas for nb, commas and points for en, CRLF line ends', () => {
    expect(csvTable(columns, [['Gymsal', 7.5, 3]], 'nb')).toBe('navn;timer;antall\r\nGymsal;7,50;3\r\n');
    expect(csvTable(columns, [['Gymsal', 7.5, 3]], 'en')).toBe('navn,timer,antall\r\nGymsal,7.50,3\r\n');
  });

  it('quotes fields holding the separator, quotes or line breaks, and empties null', () => {
    expect(csvTable(columns, [['Sal; liten', null, 1]], 'nb')).toBe(
      'navn;timer;antall\r\n"Sal; liten";;1\r\n',
    );
    expect(csvTable(columns, [['Sal, "stor"\nA', 1, 1]], 'en')).toBe(
      'navn,timer,antall\r\n"Sal, ""stor""\nA",1.00,1\r\n',
    );
  });

  it('neutralises text a spreadsheet would run as a formula, not negative numbers', () => {
    expect(csvTable(columns, [['=HYPERLINK("x")', -2.5, -1]], 'nb')).toBe(
      `navn;timer;antall\r\n"'=HYPERLINK(""x"")";-2,50;-1\r\n`,
    );
  });

  it('lets a cell carry its own decimals, and starts the file with a byte-order mark', () => {
    expect(csvTable(columns, [['a', { value: 12.345, decimals: 1 }, 2]], 'nb')).toContain('a;12,3;2');
    expect(csvFile('a\r\n', 'b\r\n')).toBe('\uFEFFa\r\n\r\nb\r\n');
  });
});
