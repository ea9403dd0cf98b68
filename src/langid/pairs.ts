/**
 * Close pairs that character statistics alone confuse, separated by short lists of words whose
 * spelling or choice differs between the two written standards. The lists were written from
 * published descriptions of the standards, never read off evaluation data:
 *
 * - Indonesian / Malaysian Malay: Wikipedia, "Comparison of Indonesian and Standard Malay"
 *   (spelling: karena/kerana, bahwa/bahawa, yaitu/iaitu, saja/sahaja, uang/wang, coba/cuba,
 *   pikir/fikir, paham/faham, -itas/-iti, Senin/Isnin, Agustus/Ogos; vocabulary: kantor/pejabat…
 *   only where the other standard does not use the word too — Indonesian *pejabat* is "an
 *   official", *kerajaan* "a kingdom", *polisi* "the police", so those are left out). Words both
 *   standards write alike (boleh, beliau, berkata, jabatan, ramai) are not markers; neither are
 *   place or currency names, which say what a text is about, not how it is written.
 * - Danish / Norwegian Bokmål: the 1907/1938 Norwegian spelling reforms as summarised in
 *   Wikipedia's "Danish language" and "Bokmål" articles: av/af, hva/hvad, meg/mig, etter/efter,
 *   nå/nu, -sjon/-tion, -het/-hed, øy/øj, kj/gj where Danish has k/g (kjøpe/købe, gjøre/gøre),
 *   Bokmål's hard consonants where Danish writes soft ones (gate/gade, ute/ude).
 *
 * @module
 */

/** One pair: words and word endings that point to either side. */
export type PairMarkers = {
  readonly a: string
  readonly b: string
  readonly aWords: ReadonlySet<string>
  readonly bWords: ReadonlySet<string>
  /** Spellings (endings, letter groups) that only a's standard writes; tested on each word. */
  readonly aPattern?: RegExp
  readonly bPattern?: RegExp
  /**
   * How much one of a's markers counts relative to one of b's. Below 1 when a's forms also turn
   * up in b's writing but not the reverse: Malaysian web text borrows Indonesian words (karena,
   * saja) far more often than Indonesian text uses Malaysian spellings (kerana, sahaja).
   */
  readonly aWeight: number
  /** Nats one of b's markers moves from a to b. */
  readonly weight: number
  /**
   * Share of the n-gram model's score difference between a and b that is kept (1: all of it;
   * 0: between the two, the markers alone decide and no marker means `a`).
   */
  readonly modelShare: number
}

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean))

/** Indonesian forms whose Malaysian counterpart is written differently. */
const INDONESIAN = words(`
  karena bahwa yaitu saja mau coba mencoba dicoba pikir berpikir dipikirkan pikiran paham uang
  kantor taksi pemerintah pemerintahan perusahaan karyawan internasional senin kamis jumat maret
  juni juli agustus desember telepon dokter obat sekretaris persen persentase miliar triliun
  proyek kasus pajak narkoba resmi bioskop asuransi standar teknis praktis fisik fisika mobil
  truk kamar toko kendaraan bisnis investasi pengelolaan administrasi pernyataan kemarin besok
  kapan ketimbang sepeda walikota gubernur bupati kepolisian parlemen kampanye koran inggris
  prancis eropa jepang spanyol italia serikat berbagai gratis manajemen tentara kesehatan sehat
  pasien perawat rekan dukungan mendukung temuan delapan menit sore bandara pemilu mantan jaksa
  advokat korupsi pabrik pensiun impor ekspor peluncuran merek ponsel unduh mengunduh konten
  informasi olahraga kejuaraan medali dosen libur liburan listrik energi lingkungan badai
  longsor teroris situs pengadilan
`)

/** Malaysian forms whose Indonesian counterpart is written differently. */
const MALAYSIAN = words(`
  kerana bahawa iaitu sahaja mahu cuba mencuba dicuba fikir berfikir difikirkan fikiran faham
  kefahaman wang teksi kakitangan antarabangsa baharu isnin khamis jumaat julai ogos disember
  telefon doktor ubat setiausaha peratus peratusan bilion trilion projek kes cukai dadah rasmi
  pawagam insurans saintifik teknikal praktikal kritikal fizikal fizik lori bilik kedai
  kenderaan perniagaan pelaburan pengurusan pentadbiran esok basikal gabenor parlimen kempen
  akhbar inggeris eropah jepun sepanyol itali syarikat pelbagai tentera pertubuhan polis
  universiti muzium muzik filem televisyen mesyuarat jawatankuasa maklumat belia mangsa
  kemalangan hospital pelancongan pelancong seramai sebarang manakala selepas hujung sejurus
  encik puan kualiti aktiviti komuniti fakulti kapasiti identiti integriti realiti utiliti
  kuantiti prioriti majoriti minoriti entiti sekuriti autoriti kredibiliti fasiliti personaliti
  populariti produktiviti mobiliti stabiliti komoditi cecair pengangkutan perbahasan bajet
  bandaraya majlis pembangkang undi mengundi pengundi penjawat kelmarin menerusi mengikut
  sentiasa pesakit jururawat rawatan kesihatan sihat rakan syor mengesyorkan perangkaan pusingan
  jurulatih menjaringkan sokongan menyokong dapatan tempoh lapan minit keretapi reman peguam
  pendakwa pendakwaan rasuah kilang pencen eksport pelancaran jenama bimbit sukan kejohanan
  pingat peperiksaan pensyarah ijazah siswazah percutian elektrik bomba askar pengganas
  lebuhraya tandas bas motosikal beg kasut seluar tuala pasaraya gerai
`)

/** Bokmål forms whose Danish counterpart is written differently. */
const BOKMAL = words(`
  av hva meg deg seg oss noe noen annen annet etter mye gjøre gjør nå uten mellom ble blitt dere
  vår våre slik gjennom kanskje øyeblikk øye øyne kjøpe kjøpt kjenne gate ta tar gi gir blir bli
  inn ut opp løpet henne hennes fortsatt ute tilbake sånn kveld jobb arbeid takk veldig fikk
  gikk tok hadde sa sier betyr hjelp hjelpe uke uken spørsmål regjeringen selskapet bruke viktig
  rett mot nesten lenge enn åtte tjue hundre tusen penger sykehus språk mann menn kvinne kvinner
  litt alltid aldri vann tenke lese mat bok søke lage
`)

/** Danish forms whose Bokmål counterpart is written differently. */
const DANISH = words(`
  af hvad mig dig sig os noget nogle nogen anden andet efter meget gøre gør nu uden mellem blev
  blevet jer vores sådan igennem måske øjeblik øje øjne købe købt kende gade tage tager give
  giver bliver blive ind ud op løbet hende hendes ude tilbage job arbejde tak fik gik tog havde
  sagde siger betyder hjælp hjælpe uge ugen spørgsmål regeringen selskabet bruge vigtig ret mod
  næsten længe end otte tyve hundrede tusind penge sygehus sprog mand mænd kvinde kvinder lidt
  altid aldrig vand tænke læse mad bog søge lave
`)

/** The pairs, each side's markers. Words are lower-case, as `modelWords` yields them. */
export const PAIRS: readonly PairMarkers[] = [
  {
    a: 'id',
    b: 'ms',
    aWords: INDONESIAN,
    bWords: MALAYSIAN,
    // kualitas, aktivitas… (Malaysian kualiti, aktiviti: listed above, since Indonesian also
    // writes -iti words such as peneliti "researcher")
    aPattern: /...itas$/,
    aWeight: 0.4,
    weight: 10,
    modelShare: 0,
  },
  {
    a: 'da',
    b: 'nb',
    aWords: DANISH,
    bWords: BOKMAL,
    // -tion/-sjon, -hed(en)/-het(en), øj/øy anywhere (højre/høyre), Danish op- before a consonant
    // where Bokmål writes opp- (opleve/oppleve, opgave/oppgave), Bokmål kj/gj before a front
    // vowel (kjenne/kende, tilgjengelig/tilgængelig) and final double consonants (litt/lidt,
    // fått/fået, mann/mand, takk/tak).
    aPattern: /..tion(er|en|erne)?$|..hed(en|er|erne)?$|øj|^op[bcdfghjklmnrsv]/,
    bPattern: /..sjon(er|en|ene)?$|..het(en|er|ene)?$|øy|^opp.|(^|[^s])[kg]j[eøæ]|...(tt|nn|kk)$/,
    aWeight: 1,
    weight: 10,
    modelShare: 0.5,
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
    const inA = pair.aWords.has(w) || (pair.aPattern?.test(w) ?? false)
    const inB = pair.bWords.has(w) || (pair.bPattern?.test(w) ?? false)
    if (inA !== inB) balance += inB ? 1 : -pair.aWeight
  }
  return balance
}
