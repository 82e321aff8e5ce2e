package cli

import "fmt"

// access is what a command does to the data file.
type access int

const (
	noFile  access = iota // does not open the data file (version, help, restore; verify --root)
	reads                 // opens it read-only: works on write-protected media
	writes                // opens it for writing; the file must exist
	creates               // may make a new file ("office set" and "demo" only)
)

// command is one CLI command, e.g. "staff list".
type command struct {
	name    string // the command words
	args    string // flags and positional arguments shown in the usage line
	summary string
	access  access
	run     func(*call) error
}

// group is a heading of "kinerja help" and of README's command table, with
// its commands in order.
type group struct {
	title    string
	commands []command
}

// commandTable is the one list of commands, in the order and groups of
// README.md's table (TestHelpMatchesReadme keeps them the same).
func commandTable() []group {
	return []group{
		{"Umum", []command{
			{"version", "", "menampilkan versi Kinerja", noFile, version},
			{"help", "", "daftar semua perintah dengan opsinya", noFile, help},
			{"office show", "[--format text|json]", "menampilkan identitas kantor", reads, officeShow},
			{"office set", "[--kecamatan K] [--kabupaten K] [--alamat A] [--kota K]", "mengisi atau mengubah identitas kantor", creates, officeSet},
			{"demo", "[--staff N] [--seed S] [--years Y]", "mengisi file data kosong dengan kantor contoh (fiktif)", creates, demo},
			{"office logo", "FILE | --remove", fmt.Sprintf("memasang logo kop surat (PNG/JPEG, paling besar %d KB) atau menghapusnya", maxLogoKB), writes, officeLogo},
			{"backup", "--out FILE [--replace]", "menyalin seluruh file data (salinan utuh yang diperiksa) ke FILE; FILE yang sudah ada hanya diganti dengan --replace", reads, backup},
			{"check", "", "memeriksa seluruh file data (halaman, jejak audit, setiap catatan, dokumen bertanda tangan); keluar 1 dan menyebut catatannya bila ada masalah", reads, check},
			{"restore", "FILE [--yes]", "memulihkan file data dari cadangan FILE (diperiksa dulu; file lama disimpan di folder backups)", noFile, restore},
		}},
		{"Pegawai", []command{
			{"staff list", "[--format text|csv|json]", "daftar pegawai (aktif dan yang sudah keluar)", reads, staffList},
			{"import staff", "FILE [--skip-invalid]", "mengimpor pegawai dari CSV atau XLSX", writes, importStaff},
			{"export staff", "--out FILE", "mengekspor daftar pegawai ke .xlsx atau .csv", reads, exportStaff},
		}},
		{"Kehadiran", []command{
			{"calendar list", "--year YYYY [--format text|csv|json]", "daftar hari libur setahun", reads, calendarList},
			{"calendar add", "--date YYYY-MM-DD --name NAMA [--kind lokal|libur|cuti_bersama]", "menambah hari libur (bawaan: libur lokal)", writes, calendarAdd},
			{"calendar import", "FILE", "mengimpor daftar hari libur (CSV: date,kind,name)", writes, calendarImport},
			{"attendance set", "--date YYYY-MM-DD --nip NIP --code KODE [--in HH:MM] [--out HH:MM] [--note T] [--letter NOMOR] [--granted-by NAMA]", "mengisi kehadiran satu pegawai pada satu hari", writes, attendanceSet},
			{"import attendance", "FILE [--map PIN=NIP ...] [--dry-run] [--overwrite] [--piket] [--from YYYY-MM-DD] [--to YYYY-MM-DD]", "mengimpor log mesin sidik jari (1_attlog.dat) atau ekspor CSV/XLSX; --piket menyimpan pindaian hari libur sebagai piket", writes, importAttendance},
			{"attendance incomplete", "--month YYYY-MM [--all] [--format text|json]", "daftar catatan kehadiran yang hanya punya jam datang atau jam pulang", reads, attendanceIncomplete},
			{"attendance confirm", "--nip NIP --date YYYY-MM-DD", "membiarkan catatan yang kurang lengkap apa adanya (dikonfirmasi)", writes, attendanceConfirm},
			{"attendance pins", "[--remove PIN] [--format text|json]", "daftar PIN mesin sidik jari yang dipetakan ke pegawai, atau melupakan satu PIN", writes, attendancePins},
			{"leave add", "--nip NIP --code KODE --from YYYY-MM-DD --to YYYY-MM-DD [--letter NO] [--granted-by NIP] [--reason TEKS] [--address TEKS] [--note TEKS]", "mencatat cuti atau ketidakhadiran beberapa hari (diperiksa menurut PP 11/2017)", writes, leaveAdd},
			{"leave balance", "--year YYYY [--nip NIP] [--kind JENIS] [--format text|json]", "sisa cuti tahunan setahun", reads, leaveBalance},
			{"leave form", "--nip NIP --from YYYY-MM-DD --out FILE.pdf", "mencetak formulir permintaan dan pemberian cuti (Peraturan BKN 24/2017)", reads, leaveForm},
			{"attendance recap", "--month YYYY-MM [--kind JENIS] [--format text|csv|json]", "rekap kehadiran dan potongan TPP sebulan", reads, attendanceRecap},
			{"discipline", "--year YYYY [--kind JENIS] [--format text|csv|json]", "hitungan PP 94/2021 (TK dan keterlambatan) setahun", reads, discipline},
			{"export attendance", "--month YYYY-MM --out DIR [--format pdf|xlsx] [--kind JENIS] [--sign --nip NIP]", "mengekspor rekap kehadiran dan rekap potongan TPP", reads, exportAttendance},
			{"export sheet", sheetUsage, "mencetak daftar hadir kosong (satu hari sampai seminggu) untuk hari mesin sidik jari mati", reads, exportSheet},
		}},
		{"Kinerja", []command{
			{"period list", "[--format text|json]", "daftar periode penilaian kinerja", reads, periodList},
			{"period create", "ID", "membuat periode penilaian (2026-Q3, 2026-11, 2026-S1, 2026)", writes, periodCreate},
			{"period capaian", "ID CAPAIAN", "mencatat capaian kinerja organisasi sebuah periode", writes, periodCapaian},
			{"settings evaluation", "[--cadence bulanan|triwulan|semester] [--deadline-days N] [--format text|json]", "menampilkan atau mengubah periode penilaian berkala dan batas pengisiannya", writes, settingsEvaluation},
			{"official add", "--name NAMA --nip NIP --rank GOL --position JABATAN --agency INSTANSI", "mendaftarkan pejabat di luar kantor yang dapat menjadi Pejabat Penilai atau Atasannya (mis. Sekda)", writes, officialAdd},
			{"official list", "[--format text|json]", "daftar pejabat di luar kantor (yang aktif dulu)", reads, officialList},
			{"official deactivate", "--nip NIP", "pejabat tidak ditawarkan lagi sebagai penilai (penilaian yang menyebutnya tetap)", writes, officialDeactivate},
			{"official activate", "--nip NIP", "mengaktifkan kembali pejabat di luar kantor", writes, officialActivate},
			{"evaluation set", "--period ID --nip NIP [--work R] [--behavior R] [--note TEKS] [--rater NIP] [--atasan NIP]", "mengisi rating dan catatan penilaian (R: di_atas, sesuai, di_bawah) dan memilih Pejabat Penilai serta Atasannya (pegawai kantor atau pejabat terdaftar)", writes, evaluationSet},
			{"evaluation submit", "--period ID --nip NIP", "mengajukan penilaian (Draf → Diajukan)", writes, evaluationSubmit},
			{"evaluation withdraw", "--period ID --nip NIP", "menarik kembali penilaian yang diajukan (Diajukan → Draf)", writes, evaluationWithdraw},
			{"evaluation finalize", "--period ID --nip NIP", "menetapkan penilaian (Diajukan → Ditetapkan); identitas dibekukan", writes, evaluationFinalize},
			{"evaluation reopen", "--period ID --nip NIP --reason TEKS", "membuka kembali penilaian yang ditetapkan dengan alasan; versi lama disimpan sebagai revisi", writes, evaluationReopen},
			{"evaluation fix-outside", "--period ID --nip NIP --by NAMA --date YYYY-MM-DD --scan FILE.pdf", "menetapkan penilaian yang dinilai pejabat di luar kantor dari salinan bertanda tangannya (pindaian disimpan)", writes, evaluationFixOutside},
			{"evaluation list", "--period ID [--format text|csv|json]", "daftar penilaian sebuah periode", reads, evaluationList},
			{"evaluation revisions", "--period ID --nip NIP [--format text|json]", "riwayat revisi penilaian (versi yang ditetapkan sebelum dibuka kembali)", reads, evaluationRevisions},
			{"export evaluations", "--period ID --out FILE.xlsx", "mengekspor penilaian sebuah periode ke .xlsx (kolom e-Kinerja)", reads, exportEvaluations},
			{"export skp", "--nip NIP [--year YYYY] --out FILE.pdf", "mengekspor dokumen SKP seorang pegawai beserta Lampirannya (.pdf)", reads, exportSKP},
		}},
		{"Dokumen dan tanda tangan", []command{
			{"signer create", "--nip NIP | --root", "membuat sertifikat induk kantor (--root) atau penanda tangan untuk seorang pejabat", writes, signerCreate},
			{"signer import", "FILE.p12 --nip NIP [--trust-root]", "mengimpor penanda tangan dari berkas PKCS#12 (.p12/.pfx)", writes, signerImport},
			{"signer list", "[--format text|json]", "daftar sertifikat induk (kantor ini dan yang dipercaya) dan penanda tangan dengan statusnya (aktif, diganti, dicabut)", reads, signerList},
			{"signer export-root", "--out FILE.cer [--pem]", "mengekspor sertifikat induk kantor dan daftar pencabutannya (FILE.crl di sampingnya) agar kantor lain dapat memverifikasi", reads, signerExportRoot},
			{"signer trust", "FILE.cer [--crl FILE.crl]", "mempercayai sertifikat induk kantor lain atau kabupaten (sidik jari dicetak; perlu frasa sandi sertifikat induk kantor)", writes, signerTrust},
			{"signer untrust", "SIDIK-JARI [--reason TEKS]", "berhenti mempercayai sertifikat induk lain (catatannya tetap disimpan)", writes, signerUntrust},
			{"signer import-crl", "FILE.crl", "menyimpan daftar pencabutan yang lebih baru dari sertifikat induk yang dipercaya", writes, signerImportCrl},
			{"signer revoke", "--nip NIP --reason TEKS", "mencabut penanda tangan seorang pejabat (kunci hilang atau bocor); perlu frasa sandi sertifikat induk kantor", writes, signerRevoke},
			{"signer image", "--nip NIP FILE | --nip NIP --remove", fmt.Sprintf("memasang gambar tanda tangan hasil pindai seorang pegawai (PNG/JPEG, paling besar %d KB) atau menghapusnya", maxSignatureImageKB), writes, signerImage},
			{"evaluation sign", "--period ID --nip NIP", "menandatangani penilaian yang sudah ditetapkan dengan penanda tangan Pejabat Penilai", writes, evaluationSign},
			{"evaluation objection-sign", "--period ID --nip NIP", "Atasan Pejabat Penilai menandatangani halaman keberatan penilaian yang ditetapkan", writes, evaluationObjectionSign},
			{"export appraisal", "--period ID --out DIR [--nip NIP] [--unit UNIT]", "mengekspor dokumen evaluasi yang ditetapkan (bertanda tangan) dan daftarnya (.xlsx) ke folder", reads, exportAppraisal},
			{"export forms", "--period ID --out DIR [--unit UNIT]", "mengekspor formulir evaluasi kosong untuk diisi tangan ke folder", reads, exportForms},
			{"export evaluation", "--period ID --nip NIP [--revision N] [--document evaluasi|dokumen|keberatan] --out FILE.pdf", "mengekspor satu dokumen evaluasi, juga revisi lama yang disimpan (bawaan: versi sekarang, dokumen evaluasi)", reads, exportEvaluation},
			{"export penetapan", "--period ID --out FILE.pdf [--sign]", "mengekspor Penetapan Predikat Kinerja sebuah periode; --sign menandatanganinya dengan penanda tangan pimpinan", writes, exportPenetapan},
			{"export tte", "--period ID --nip NIP --out FILE.pdf", "mengekspor dokumen evaluasi yang ditetapkan untuk ditandatangani lewat BSrE/Srikandi", reads, exportTTE},
			{"verify", "[--root FILE.cer [--crl FILE.crl]] FILE...", "memeriksa tanda tangan PDF secara offline dengan file data ini, atau dengan --root tanpa file data; keluar 0 hanya bila semuanya sah", noFile, verify},
		}},
	}
}

// lookup finds the command called name in the table.
func lookup(name string) (command, bool) {
	for _, g := range commandTable() {
		for _, c := range g.commands {
			if c.name == name {
				return c, true
			}
		}
	}
	return command{}, false
}

// isCommand reports whether name is a command of the table.
func isCommand(name string) bool {
	_, ok := lookup(name)
	return ok
}
