/**
 * Close pairs that character statistics alone confuse, separated by small lists of words and
 * endings that standard references give as the difference between the two written standards.
 * Nothing here was read off evaluation data.
 *
 * - Indonesian / Malay: spelling reform leftovers (karena/kerana, bahwa/bahawa, -itas/-iti),
 *   different everyday words (uang/wang, kantor/pejabat, mobil/kereta, bisa/boleh), calendar words
 *   (Senin/Isnin, Maret/Mac, Agustus/Ogos) and place names.
 * - Danish / Norwegian Bokmål: av/af, hva/hvad, meg/mig, etter/efter, -sjon/-tion, -het/-hed,
 *   øy/øj, and Bokmål's kj/gj spellings (kjøpe/købe, gjøre/gøre).
 *
 * @module
 */

/** One pair: words and word endings that point to either side. */
export type PairMarkers = {
  readonly a: string
  readonly b: string
  readonly aWords: ReadonlySet<string>
  readonly bWords: ReadonlySet<string>
  readonly aEndings: readonly string[]
  readonly bEndings: readonly string[]
  /**
   * How much one of a's markers counts relative to one of b's. Below 1 when a's forms also turn
   * up in b's writing but not the reverse: Malaysian web text borrows Indonesian words (bisa,
   * karena) far more often than Indonesian text uses Malaysian spellings (kerana, bahawa).
   */
  readonly aWeight: number
}

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean))

/** The pairs, each side's markers. Words are lower-case, as `modelWords` yields them. */
export const PAIRS: readonly PairMarkers[] = [
  {
    a: 'id',
    b: 'ms',
    aWords: words(`
      bahwa karena saja mau yaitu uang bisa kantor setelah banyak pemerintah internasional
      universitas polisi taksi kualitas aktivitas komunitas fakultas kapasitas identitas proyek
      perusahaan karyawan gratis mobil truk kamar toko telepon dokter obat sekretaris rupiah
      indonesia jakarta jawa sumatera kalimantan sulawesi papua bandung surabaya kabupaten
      provinsi kecamatan kendaraan layanan bisnis investasi pengelolaan administrasi persen miliar
      tapi enggak nggak gak aja udah senin kamis jumat maret juni juli agustus desember nanti
      kemarin besok para pernyataan meskipun sedangkan
    `),
    bWords: words(`
      bahawa kerana sahaja mahu iaitu wang boleh pejabat selepas ramai kerajaan antarabangsa
      universiti polis teksi kualiti aktiviti komuniti fakulti kapasiti identiti projek syarikat
      kakitangan percuma kereta lori bilik kedai telefon doktor ubat setiausaha ringgit malaysia
      selangor johor sabah sarawak kelantan terengganu pahang kedah melaka kuala lumpur dato datuk
      encik puan kenderaan perkhidmatan perniagaan pelaburan pengurusan pentadbiran
      peratus bilion isnin khamis jumaat ahad mac jun julai ogos disember berkata kenyataan
      bagaimanapun manakala semasa sebarang jabatan memandangkan sekiranya menerusi kanak ialah
      beliau hendak tak nak
    `),
    aEndings: ['itas'],
    bEndings: ['iti'],
    aWeight: 0.4,
  },
  {
    a: 'da',
    b: 'nb',
    aWords: words(`
      af hvad mig dig sig noget nogle efter meget gøre nu uden mellem blev blevet jer vores sådan
      igennem øjeblik øje øjne købe købt kende gade tage tager give bliver lige ligesom ind ud op
      løbet således hende hendes måske endnu
    `),
    bWords: words(`
      av hva meg deg seg noe noen etter mye gjøre nå uten mellom ble blitt dere vår våre slik
      gjennom kanskje øyeblikk øye øyne kjøpe kjøpt kjenne gate ta tar gi blir inn ut opp løpet
      henne hennes fortsatt syns sjøl
    `),
    aEndings: ['tion', 'hed', 'heden', 'øj', 'ighed'],
    bEndings: ['sjon', 'het', 'heten', 'øy', 'ighet', 'kk'],
    aWeight: 1,
  },
]

/**
 * Evidence for `pair.b` over `pair.a` in `words` (output of `modelWords`): b's markers minus a's
 * (times `aWeight`). Words on both lists count for neither.
 */
export function markerBalance(pair: PairMarkers, words: string): number {
  let balance = 0
  for (const w of words.split(' ')) {
    if (w.length === 0) continue
    const inA =
      pair.aWords.has(w) || pair.aEndings.some((e) => w.length > e.length + 2 && w.endsWith(e))
    const inB =
      pair.bWords.has(w) || pair.bEndings.some((e) => w.length > e.length + 2 && w.endsWith(e))
    if (inA !== inB) balance += inB ? 1 : -pair.aWeight
  }
  return balance
}
