"""Bilingual word tables shared by question analysis and answer spans (pure data).

General news vocabulary, not the seed articles': the held-out questions are written by
someone else, so the tables cover what news questions commonly ask about. No PyPI package
offers an offline English–Indonesian dictionary we could use instead (checked the package
lists: ``kbbi`` scrapes a web site, the rest are stemmers, stopword lists or slang tools).
"""

from __future__ import annotations

import re
from functools import lru_cache

# English → Indonesian, one entry a line: "english | indonesian; indonesian".
# Multiword keys are matched before their parts ("foreign minister" before "minister").
_BRIDGE = """
north korea | korea utara; korut
north korean | korea utara; korut
south korea | korea selatan; korsel
south korean | korea selatan; korsel
korea | korea
china | china; tiongkok; cina
chinese | china; tiongkok; cina
beijing | beijing
pyongyang | pyongyang
seoul | seoul
united states | amerika serikat; as
us | amerika serikat; as
u.s. | amerika serikat; as
usa | amerika serikat; as
america | amerika serikat; amerika; as
american | amerika serikat; amerika; as
washington | washington
russia | rusia
russian | rusia
moscow | moskow; moskwa
japan | jepang
japanese | jepang
tokyo | tokyo
ukraine | ukraina
ukrainian | ukraina
kyiv | kyiv; kiev
indonesia | indonesia
indonesian | indonesia
jakarta | jakarta
malaysia | malaysia
singapore | singapura
thailand | thailand
philippines | filipina
vietnam | vietnam
india | india
pakistan | pakistan
australia | australia
new zealand | selandia baru
united kingdom | inggris; britania raya
britain | inggris; britania raya
uk | inggris
england | inggris
london | london
france | prancis; perancis
paris | paris
germany | jerman
berlin | berlin
netherlands | belanda
italy | italia
spain | spanyol
turkey | turki
iran | iran
iraq | irak
israel | israel
palestine | palestina
gaza | gaza
egypt | mesir
saudi arabia | arab saudi
europe | eropa
european union | uni eropa
asia | asia
africa | afrika
middle east | timur tengah
taiwan | taiwan
hong kong | hong kong
myanmar | myanmar
mongolia | mongolia
brazil | brasil
canada | kanada
mexico | meksiko
united nations | perserikatan bangsa-bangsa; pbb
un | pbb; perserikatan bangsa-bangsa
nato | nato
asean | asean
west | barat
western | barat
east | timur
north | utara
south | selatan
foreign minister | menteri luar negeri; menlu
foreign ministry | kementerian luar negeri; kemlu
defense minister | menteri pertahanan; menhan
defence minister | menteri pertahanan; menhan
finance minister | menteri keuangan; menkeu
prime minister | perdana menteri; pm
vice president | wakil presiden; wapres
head of state | kepala negara
heads of state | kepala negara; pemimpin dunia; pemimpin negara
secretary general | sekretaris jenderal; sekjen
spokesperson | juru bicara; jubir; humas; public relations
spokesman | juru bicara; jubir
ambassador | duta besar; dubes
president | presiden
leader | pemimpin
leadership | kepemimpinan
minister | menteri
ministry | kementerian
counterpart | rekan; mitra; rekannya; mitranya
government | pemerintah; pemerintahan
official | pejabat; resmi
officials | pejabat
party | partai
workers party | partai buruh
communist party | partai komunis
king | raja
queen | ratu
governor | gubernur
mayor | wali kota; walikota
regent | bupati
police | polisi; kepolisian
army | tentara; angkatan darat
military | militer
soldier | tentara; prajurit
soldiers | tentara; prajurit
troops | pasukan; tentara
forces | pasukan; kekuatan
navy | angkatan laut
general | jenderal
commander | komandan; panglima
court | pengadilan
judge | hakim
parliament | parlemen; dpr
lawmaker | anggota dewan
voter | pemilih
voters | pemilih
candidate | calon; kandidat
people | orang; rakyat; warga
citizen | warga; warga negara
citizens | warga
resident | warga; penduduk
residents | warga; penduduk
population | penduduk; populasi
victim | korban
victims | korban
dead | tewas; meninggal
killed | tewas; terbunuh; meninggal; korban jiwa
died | meninggal; tewas; kematian
death | kematian
deaths | kematian; korban jiwa
injured | terluka; luka-luka
missing | hilang
company | perusahaan
companies | perusahaan
bank | bank
central bank | bank sentral
market | pasar
economy | ekonomi
economic | ekonomi
trade | perdagangan; dagang
export | ekspor
exports | ekspor
import | impor
imports | impor
investment | investasi
budget | anggaran
debt | utang
tax | pajak
price | harga
prices | harga
cost | biaya; kerugian; merugikan
inflation | inflasi
growth | pertumbuhan
value | nilai
money | uang; dana
fund | dana
funds | dana
aid | bantuan
help | bantuan
support | dukungan; mendukung
oil | minyak
fuel | bahan bakar; bbm
energy | energi
rice | beras
food | makanan; pangan
meet | bertemu; pertemuan
met | bertemu; pertemuan
meeting | pertemuan; rapat
summit | pertemuan puncak; ktt
visit | kunjungan; mengunjungi; berkunjung
visited | mengunjungi; berkunjung; kunjungan
trip | perjalanan; kunjungan
travel | perjalanan; bepergian
arrive | tiba
born | lahir; kelahiran
translated | menerjemahkan; penerjemah
interpreter | penerjemah
arrived | tiba
leave | meninggalkan; berangkat; pulang
left | meninggalkan; berangkat
return | kembali
depart | berangkat; meninggalkan
departed | berangkat; meninggalkan
go home | pulang; meninggalkan
went home | pulang; meninggalkan
fly home | pulang; meninggalkan
flew home | pulang; meninggalkan
head home | pulang; meninggalkan
headed home | pulang; meninggalkan
return home | pulang
returned home | pulang
say | mengatakan; kata; menyatakan
said | mengatakan; kata; menyatakan
says | mengatakan; kata
tell | mengatakan; memberi tahu
told | mengatakan; memberi tahu
write | menulis
wrote | menulis
announce | mengumumkan
announced | mengumumkan
report | laporan; melaporkan
reported | melaporkan; dilaporkan
agree | sepakat; menyepakati
agreed | sepakat; menyepakati
agreement | kesepakatan; perjanjian
deal | kesepakatan
treaty | perjanjian; traktat
talks | pembicaraan; perundingan
talk | pembicaraan; berbicara
discuss | membahas
discussed | membahas
negotiation | negosiasi; perundingan
cooperation | kerja sama
cooperate | bekerja sama
relations | hubungan
relationship | hubungan
ties | hubungan
diplomatic | diplomatik
bilateral | bilateral
friendship | persahabatan
alliance | aliansi; persekutuan
partner | mitra
partnership | kemitraan
anniversary | ulang tahun; peringatan
birthday | ulang tahun
celebration | perayaan
ceremony | upacara
parade | parade
event | acara
conference | konferensi
attend | menghadiri; hadir
attended | menghadiri; hadir
join | bergabung
joined | bergabung
become | menjadi
became | menjadi
appoint | menunjuk; mengangkat
appointed | ditunjuk; diangkat
elect | memilih
elected | terpilih
election | pemilu; pemilihan
vote | suara; pemungutan suara
votes | suara
win | menang; kemenangan
won | menang; memenangkan; suara terbanyak
lose | kalah
lost | kalah
victory | kemenangan
defeat | kekalahan
beat | mengalahkan; menang
beats | mengalahkan; menang
defeated | mengalahkan; dikalahkan; kalah
war | perang
world war | perang dunia
attack | serangan; menyerang
attacks | serangan
conflict | konflik
peace | perdamaian; damai
security | keamanan
threat | ancaman
weapon | senjata; alutsista; persenjataan
wife | istri
husband | suami
gift | hadiah; cenderamata
brand | merek; merk
hotel | hotel; penginapan
weapons | senjata; alutsista; persenjataan
nuclear | nuklir
missile | rudal
missiles | rudal
sanction | sanksi
sanctions | sanksi
border | perbatasan
territory | wilayah
region | wilayah; kawasan
regional | regional; kawasan
international | internasional
global | global
world | dunia
main | utama
geopolitical | geopolitik
issue | isu; masalah
issues | isu; masalah
moment | saat; momen
country | negara
countries | negara
nation | bangsa; negara
state | negara; keadaan; situasi; kondisi
city | kota
capital | ibu kota
province | provinsi
district | kabupaten; distrik
village | desa
shelter | posko; pengungsian; titik pengungsian
sheltered | ditampung; mengungsi
economist | ekonom
passenger | penumpang
kid | anak; anak-anak
kids | anak; anak-anak
hectare | hektare; hektar; ha
polling station | tps
employee | karyawan; pegawai
worker | pekerja; buruh; karyawan
businesspeople | pengusaha; pebisnis
businessman | pengusaha
island | pulau
sea | laut
river | sungai
mountain | gunung
flood | banjir
floods | banjir
earthquake | gempa; gempa bumi
landslide | tanah longsor; longsor
fire | kebakaran; api
storm | badai
volcano | gunung api; gunung berapi; gunung
eruption | erupsi; letusan
erupt | meletus; erupsi
erupting | meletus; erupsi
erupted | meletus; erupsi
tsunami | tsunami
disaster | bencana
evacuate | mengungsi; evakuasi
evacuated | dievakuasi; mengungsi
refugees | pengungsi
rain | hujan
weather | cuaca
drought | kekeringan
accident | kecelakaan
crash | kecelakaan; jatuh
plane | pesawat
ship | kapal
train | kereta
road | jalan
school | sekolah
student | siswa; mahasiswa
students | siswa; mahasiswa
teacher | guru
university | universitas
hospital | rumah sakit
health | kesehatan
disease | penyakit
virus | virus
vaccine | vaksin
doctor | dokter
patient | pasien
law | undang-undang; hukum
rule | aturan
policy | kebijakan
corruption | korupsi
arrest | penangkapan; menangkap
arrested | ditangkap
suspect | tersangka
crime | kejahatan; kriminal
prison | penjara
protest | protes; unjuk rasa; demonstrasi
protesters | pengunjuk rasa; demonstran
football | sepak bola
match | pertandingan
team | tim
player | pemain
players | pemain
coach | pelatih
goal | gol
goals | gol
score | skor
cup | piala
league | liga
champion | juara
tournament | turnamen
stadium | stadion
media | media
news | berita
agency | kantor berita; badan
newspaper | surat kabar; koran
source | sumber
original | asli
photo | foto
account | akun
published | diterbitkan; terbit
statement | pernyataan
speech | pidato
message | pesan
letter | surat
post | unggahan; pos
interview | wawancara
program | program
plan | rencana
project | proyek
development | pembangunan; pengembangan
technology | teknologi
artificial intelligence | kecerdasan buatan
internet | internet
hegemony | hegemoni; hegemonisme
unilateralism | unilateralisme
sovereignty | kedaulatan
independence | kemerdekaan
history | sejarah
culture | budaya
religion | agama
first | pertama
last | terakhir; lalu
next | berikutnya; depan
new | baru
old | lama
big | besar
large | besar
small | kecil
high | tinggi
low | rendah
important | penting
strong | kuat
together | bersama
both | kedua; keduanya
number | jumlah; angka
total | total; jumlah
amount | jumlah; nilai
percent | persen
thousand | ribu
thousands | ribuan
million | juta
millions | jutaan
billion | miliar
billions | miliaran
trillion | triliun
dollar | dolar
dollars | dolar
rupiah | rupiah
day | hari
days | hari
week | pekan; minggu
weeks | pekan; minggu
month | bulan
months | bulan
year | tahun
years | tahun
decade | dekade
decades | dekade
hour | jam
hours | jam
minute | menit
minutes | menit
last week | pekan lalu; minggu lalu
last month | bulan lalu
last year | tahun lalu
this year | tahun ini
this month | bulan ini
next week | pekan depan; minggu depan
next year | tahun depan
today | hari ini
yesterday | kemarin
tomorrow | besok
date | tanggal
time | waktu
monday | senin
tuesday | selasa
wednesday | rabu
thursday | kamis
friday | jumat
saturday | sabtu
sunday | minggu
january | januari
february | februari
march | maret
april | april
may | mei
june | juni
july | juli
august | agustus
september | september
october | oktober
november | november
december | desember
man | pria; laki-laki
woman | wanita; perempuan
women | wanita; perempuan
children | anak-anak; anak
child | anak
family | keluarga
home | rumah
house | rumah
houses | rumah
building | gedung; bangunan
buildings | gedung; bangunan
situation | situasi; keadaan
condition | syarat; kondisi
conditions | syarat; kondisi
current | saat ini; terkini
initiative | inisiatif; prakarsa
initiatives | inisiatif; prakarsa
contact | kontak; hubungan
ready | siap
resume | melanjutkan; memulai kembali
continue | melanjutkan; terus
oppose | menentang; melawan
opposed | menentang; melawan
against | melawan; menentang
pledge | berjanji; janji
pledged | berjanji
promise | janji; berjanji
praise | memuji; pujian
praised | memuji
criticize | mengkritik; kritik
criticized | mengkritik
condemn | mengecam
condemned | mengecam
warn | memperingatkan
warned | memperingatkan
quote | mengutip; kutipan
quoted | mengutip; dikutip
remarks | pernyataan; ucapan
comment | komentar
call | menyebut; menyerukan; panggilan
called | menyebut; menyerukan
describe | menggambarkan
described | menggambarkan
send | mengirim
sent | mengirim; dikirim
receive | menerima
received | menerima
fight | bertempur; bertarung; melawan
fought | bertempur; bertarung
kill | membunuh; menewaskan; korban jiwa
destroy | menghancurkan
damage | kerusakan; merusak
damaged | rusak
build | membangun
built | membangun; dibangun
open | membuka
opened | membuka; dibuka
close | menutup
closed | menutup; ditutup
start | mulai; memulai
started | dimulai; memulai
end | akhir; berakhir; mengakhiri
ended | berakhir
hold | menggelar; mengadakan
held | digelar; diadakan
host | tuan rumah; menjamu
hosted | menjadi tuan rumah; menjamu
invite | mengundang; undangan
invited | diundang; mengundang
invitation | undangan
sign | menandatangani
signed | menandatangani; ditandatangani
approve | menyetujui
approved | disetujui; menyetujui
reject | menolak
rejected | menolak; ditolak
refuse | menolak
deny | membantah
denied | membantah
accuse | menuduh
accused | menuduh; dituduh
ask | meminta
asked | meminta
demand | tuntutan; menuntut
demands | tuntutan
want | ingin
need | perlu; butuh
plan | rencana; berencana
planned | berencana; direncanakan
hope | harapan; berharap
strengthen | memperkuat
strengthened | memperkuat
increase | kenaikan; meningkat
increased | meningkat; naik
rise | naik; kenaikan
rose | naik
fall | turun; penurunan
fell | turun
reach | mencapai
reached | mencapai
achieve | mencapai; berhasil
achieved | mencapai; berhasil
occupy | menduduki; menempati; diduduki
occupied | diduduki; ditempati; menduduki
exceed | melebihi
exceeded | melebihi
contribution | kontribusi; sumbangan
contributions | kontribusi
order | tatanan; perintah
world order | tatanan dunia
multipolar | multipolar
bond | ikatan
bonds | ikatan
unity | persatuan
solidarity | solidaritas
justice | keadilan
fairness | keadilan
interests | kepentingan
interest | kepentingan; bunga
strategic | strategis
communication | komunikasi
exchange | pertukaran
exchanges | pertukaran
stability | stabilitas
tension | ketegangan
tensions | ketegangan
crisis | krisis
dispute | sengketa; perselisihan
rival | rival; saingan
rivalry | persaingan
competition | persaingan; kompetisi
ally | sekutu
allies | sekutu
enemy | musuh
guest | tamu
delegation | delegasi
counterpart's | rekan; mitra
first time | pertama kali
# Common news vocabulary: courts, elections, markets, disasters, health, transport, sport.
aim | target; menargetkan; bertujuan; sasaran
aims | target; menargetkan; bertujuan
aiming | menargetkan; target; bertujuan
aimed | menargetkan; bertujuan; ditujukan
targeted | menargetkan; ditargetkan; sasaran
targets | target; sasaran
launch | meluncurkan; peluncuran; memulai
launched | meluncurkan; diluncurkan; memulai; dimulai
mark | menandai; memperingati
marking | menandai; memperingati
marked | menandai; memperingati
commemorate | memperingati; peringatan
commemorating | memperingati; peringatan
occasion | peringatan; perayaan; momen
congratulate | mengucapkan selamat; selamat
congratulated | mengucapkan selamat; selamat
congratulations | ucapan selamat; selamat
stay | tinggal; menginap; kunjungan
staying | tinggal; ditampung; menginap
stayed | tinggal; ditampung; menginap
housed | ditampung; menampung
accommodate | menampung; ditampung
accommodated | ditampung; menampung
react | bereaksi; merespons; menanggapi; tanggapan
reacted | bereaksi; merespons; menanggapi
reaction | reaksi; tanggapan; respons
respond | menanggapi; merespons; tanggapan
responded | menanggapi; merespons
response | tanggapan; respons
header | sundulan; tandukan
needs | kebutuhan; membutuhkan
urgently | mendesak; segera
most | paling
open to | terbuka
again | lagi; kembali
face to face | tatap muka
in person | tatap muka; langsung
ever | pernah
before | sebelum; sebelumnya
previous | sebelumnya
previously | sebelumnya
former | mantan; bekas
ex | mantan
run | berlaku; beroperasi; mencalonkan
running | mencalonkan; menjalankan; beroperasi
ran | mencalonkan; beroperasi
operate | beroperasi
operated | beroperasi; dioperasikan
extended | diperpanjang; memperpanjang
extend | memperpanjang
trains | kereta; kereta api
flight | penerbangan
flights | penerbangan
airport | bandara; bandar udara
port | pelabuhan
die | meninggal; tewas
death toll | korban jiwa; korban tewas; kematian
wounded | luka; terluka
hurt | luka; terluka
cases | kasus
confirmed | terkonfirmasi; dikonfirmasi; mengonfirmasi
outbreak | wabah; kejadian luar biasa; klb
spread | menyebar; penyebaran; menularkan
infect | menularkan; menginfeksi
safety | keamanan; keselamatan
halal | halal
doubt | keraguan; ragu
hesitancy | keraguan; ragu
lead | memimpin; unggul
leading | memimpin; unggul; teratas
led | memimpin; dipimpin; unggul
behind | di belakang; tertinggal; terpaut
ahead | unggul; di depan
trail | tertinggal; terpaut
foreign ministers | menteri luar negeri; menlu
senior official | pejabat senior; pejabat tinggi
senior officials | pejabat senior; pejabat tinggi; petinggi
top officials | petinggi; pejabat
senior | senior; tinggi; tingkat tinggi
high-level | tingkat tinggi
state media | media pemerintah; media resmi; media negara
state-run | pemerintah; dikelola pemerintah; milik negara
news agency | kantor berita
outlet | outlet; media
reporter | wartawan; reporter
journalist | wartawan; jurnalis
editor | editor; redaktur
byline | penulis; reporter; editor
author | penulis
military parade | parade militer
rate | suku bunga; tingkat; laju
rates | suku bunga; tingkat
interest rate | suku bunga
benchmark rate | suku bunga acuan
decision | keputusan
decide | memutuskan; putuskan; menentukan
decided | memutuskan; diputuskan
campaign | kampanye
game | laga; pertandingan
water | air
floodwater | air banjir; banjir
evacuee | pengungsi
evacuees | pengungsi
flee | mengungsi; melarikan diri
fled | mengungsi; melarikan diri
displaced | mengungsi; pengungsi
estimate | perkiraan; memperkirakan; diperkirakan; taksiran
estimated | diperkirakan; perkiraan; ditaksir
expert | pakar; ahli
experts | pakar; ahli
analyst | analis; pengamat
analysts | analis; pengamat
observer | pengamat
observers | pengamat
frequent | sering
often | sering
major | besar; utama
turnout | partisipasi; tingkat partisipasi; partisipasi pemilih
participation | partisipasi
commission | komisi
election commission | komisi pemilihan umum; kpu
finish | selesai; menyelesaikan; rampung; berakhir
finished | selesai; menyelesaikan; rampung; berakhir
tally | rekapitulasi; penghitungan
tallying | rekapitulasi; penghitungan
count | penghitungan; menghitung; hitung
counting | penghitungan
recount | penghitungan ulang
re-run | pemungutan suara ulang; psu; ulang
rerun | pemungutan suara ulang; psu; ulang
repeat | ulang; mengulang
board | dewan
board of governors | dewan gubernur; rdg
surveyed | disurvei; survei
survey | survei
expect | memperkirakan; perkiraan; mengharapkan
expected | diperkirakan; memperkirakan; perkiraan
change | perubahan; berubah; mengubah
unchanged | tetap; tidak berubah; mempertahankan
keep | mempertahankan; menjaga
kept | mempertahankan; menjaga
winner | pemenang; gol kemenangan; penentu kemenangan
winning | kemenangan; menang
scored | mencetak; mencetak gol
scorer | pencetak gol
equaliser | gol penyama; menyamakan kedudukan
equalizer | gol penyama; menyamakan kedudukan
played | bermain; dimainkan; digelar; berlangsung
play | bermain; main
club | klub
top | puncak; teratas
table | klasemen
standings | klasemen
points | poin
point | poin
sent off | kartu merah; diusir
red card | kartu merah
ten men | sepuluh pemain
fans | suporter; penonton; pendukung
supporters | suporter; pendukung
away | tandang
ash | abu
ash column | kolom abu
erupted | erupsi; meletus
alert level | status; level
status | status
raise | menaikkan; naik
raised | menaikkan; dinaikkan; naik
lowered | menurunkan; diturunkan; turun
safe | aman
radius | radius
exclusion zone | radius; zona
crater | kawah
summit crater | kawah puncak
target | target; sasaran
pact | perjanjian; kesepakatan; pakta
trade deal | perjanjian perdagangan; kesepakatan dagang
on behalf of | atas nama; mewakili
tariff | tarif; bea masuk
tariffs | tarif; bea masuk
tariff lines | pos tarif
goods | barang; produk
products | produk
product | produk
begin | mulai; dimulai
began | mulai; dimulai
take effect | berlaku; efektif
effective | efektif; berlaku
ratify | meratifikasi; ratifikasi
ratified | diratifikasi; ratifikasi
sentence | vonis; hukuman; divonis
sentenced | divonis; dijatuhi hukuman
verdict | vonis; putusan
jail | penjara
jailed | dipenjara; penjara; divonis
fine | denda
fined | denda; didenda
prosecutor | jaksa; penuntut umum
prosecutors | jaksa; penuntut umum; jaksa penuntut umum
demanded | menuntut; tuntutan
appeal | banding
defendant | terdakwa
lawyer | pengacara; kuasa hukum
case | kasus; perkara
scam | penipuan
fraud | penipuan; kecurangan
graft | korupsi
bribe | suap
bribery | suap; penyuapan
loss | kerugian
losses | kerugian
state losses | kerugian negara
overpriced | penggelembungan; mahal
markup | penggelembungan
presiding | ketua majelis; ketua
panel of judges | majelis hakim
trial | sidang; persidangan
hearing | sidang
staff | karyawan; pegawai; staf
employees | karyawan; pegawai
workers | pekerja; karyawan; buruh
layoff | phk; pemutusan hubungan kerja
layoffs | phk; pemutusan hubungan kerja
laid off | phk; pemutusan hubungan kerja; di-phk
lay off | phk; pemutusan hubungan kerja
fired | dipecat; phk
office | kantor
government office | dinas; instansi; kantor pemerintah
offices | kantor
shut | tutup; menutup; ditutup
shut down | tutup; menutup; ditutup
close down | tutup; menutup; ditutup
severance | pesangon
compensation | kompensasi; ganti rugi; pesangon
measles | campak
rubella | rubela
vaccinate | vaksinasi; imunisasi; memvaksin
vaccinated | divaksin; vaksinasi; imunisasi
vaccination | vaksinasi; imunisasi
immunization | imunisasi
immunisation | imunisasi
jab | vaksin; suntikan; vaksinasi
jabbed | divaksin; disuntik; vaksinasi
told to | diminta; dianjurkan; disarankan; diimbau
advised to | dianjurkan; disarankan; diimbau
another dose | dosis tambahan
booster | dosis tambahan; penguat
mankind | umat manusia; manusia
humanity | umat manusia; kemanusiaan
destiny | takdir; masa depan
common destiny | masa depan bersama; takdir
shared future | masa depan bersama
vision | konsep; visi; pandangan
turbulent | bergejolak; tidak stabil
at loggerheads | berselisih; bersitegang
at odds | berselisih; bertentangan
feud | perselisihan; berselisih
arsenal | senjata; persenjataan
hang on to | mempertahankan
getting ready | persiapan; bersiap; menyiapkan
gearing up | persiapan; bersiap
regional election | pilkada; pemilihan kepala daerah; pemilihan bupati
local election | pilkada; pemilihan kepala daerah; pemilihan bupati
catch-up | kejar
drive | kampanye; program; gerakan
free | gratis; bebas
free of charge | gratis; tanpa biaya
pay attention | memperhatikan; perhatian; perhatikan
attention | perhatian; memperhatikan
pay | membayar; bayar; biaya; gratis
paid | dibayar; membayar; berbayar
parents | orang tua
parent | orang tua
aged | berusia; usia
age | usia; umur
holiday | libur; liburan
holidays | libur; liburan
christmas | natal; nataru
christmas and new year | natal dan tahun baru; nataru
insurance | asuransi
health insurance | asuransi kesehatan
new year | tahun baru; nataru
new year's eve | malam tahun baru
period | masa; periode
peak | puncak
busiest | tersibuk; paling ramai; terpadat
busy | ramai; sibuk; padat
crowded | ramai; padat
delayed | terlambat; tertunda
delay | keterlambatan; terlambat
late | terlambat; akhir
until | hingga; sampai
commuter | krl; komuter
station | stasiun
stations | stasiun
passengers | penumpang
ride | naik; menumpang
rode | naik; menumpang
ticket | tiket
tickets | tiket
stock | saham
stocks | saham
stock index | indeks saham; ihsg
shares | saham
currency | mata uang; kurs
exchange rate | nilai tukar; kurs
weaken | melemah
weakened | melemah
yield | imbal hasil; yield
year-end | akhir tahun
end of the year | akhir tahun
waiting | menunggu; menanti
wait | menunggu
destroyed | hancur; rusak
submerged | terendam
flooded | terendam; kebanjiran; banjir
under water | terendam
deep | dalam; kedalaman; setinggi
depth | kedalaman; ketinggian
height | tinggi; ketinggian
fast | cepat
quickly | cepat
burst | meluap; jebol
overflow | meluap
overflowed | meluap
rainfall | curah hujan; hujan
heavy rain | hujan deras; hujan lebat
cause | penyebab; menyebabkan
caused | disebabkan; menyebabkan
because | karena; sebab
deforestation | deforestasi; penggundulan hutan
mining | tambang; pertambangan
plantation | perkebunan
palm oil | sawit; kelapa sawit; minyak sawit
coffee | kopi
textiles | tekstil
paper | kertas
spare parts | suku cadang
vehicle | kendaraan
vehicles | kendaraan
car | mobil
motorcycle | sepeda motor; motor
found dead | ditemukan tewas; meninggal
drowned | tenggelam; hanyut
swept away | hanyut; terseret
villager | warga
villagers | warga
families | keluarga
households | kepala keluarga; kk; rumah tangga
household | kepala keluarga; kk; rumah tangga
assistance | bantuan
relief | bantuan
donation | donasi; sumbangan
head | kepala; ketua
chief | kepala; ketua
chairman | ketua
chairwoman | ketua
director | direktur
secretary | sekretaris
deputy | wakil
spokeswoman | juru bicara; jubir
ceo | ceo; direktur utama; chief executive officer
founder | pendiri
firm | perusahaan
startup | startup; perusahaan rintisan
e-commerce | e-commerce; niaga elektronik
valuation | valuasi
funding | pendanaan
revenue | pendapatan
profit | laba; keuntungan
restructuring | restrukturisasi
efficiency | efisiensi
competitor | pesaing
regency | kabupaten
sub-district | kecamatan
villages | desa
town | kota
mount | gunung
volcanic | vulkanik; gunung api
evacuation | evakuasi; pengungsian
schools | sekolah
hall | aula; gedung
two and a half | dua setengah
half | setengah; separuh
nearly | hampir; nyaris
about | sekitar
around | sekitar
more than | lebih dari
over | lebih dari; selama
at least | sedikitnya; setidaknya; minimal
up to | hingga; sampai
almost | hampir
per cent | persen
percentage | persen; persentase
share | porsi; pangsa; persen
valid votes | suara sah
ballot | surat suara; pemungutan suara
polling stations | tps; tempat pemungutan suara
ballot box | kotak suara
pair | pasangan
candidate pair | pasangan calon; paslon
running mate | wakil; pasangan
deputy regent | wakil bupati
lawmakers | anggota dewan; anggota dpr
supreme court | mahkamah agung
constitutional court | mahkamah konstitusi; mk
ruling | putusan
ruled | memutuskan; memutus
irregularities | kecurangan; pelanggaran
violation | pelanggaran
violations | pelanggaran
academic | akademisi; pakar; dosen; universitas
academics | akademisi; pakar
founded | didirikan; berdiri
set up | didirikan; dibentuk
memorandum | nota kesepahaman; mou
memorandum of understanding | nota kesepahaman; mou
reviewed | dievaluasi; ditinjau
review | evaluasi; tinjau; meninjau
evaluated | dievaluasi
costly | mahal; biaya
expensive | mahal
shipping | pengapalan; pelayaran; pengiriman
livestock | ternak
cattle | ternak; sapi
cow | sapi; ternak
boat | perahu; kapal
boats | perahu; kapal
dose | dosis
doses | dosis
goalkeeper | kiper; penjaga gawang
cows | sapi; ternak
subsidy | subsidi
subsidies | subsidi
motorbikes | roda dua; sepeda motor; motor
motorcycles | roda dua; sepeda motor; motor
forecast | memperkirakan; perkiraan; prakiraan
predicted | memperkirakan; diperkirakan
weak | melemah; lemah
weaken | melemah
weakened | melemah
lessons | belajar mengajar; pelajaran
classes | belajar mengajar; kelas
cancel | membatalkan; meliburkan; batal
cancelled | dibatalkan; meliburkan; batal
reason | alasan; karena; sebab
reasons | alasan; karena; sebab
grow | tumbuh; bertambah; membengkak
growing | tumbuh; bertambah; membengkak
grew | tumbuh; bertambah; naik
hesitant | ragu; keraguan
hesitancy | keraguan
departure | keberangkatan
departures | keberangkatan
season | musim; masa
celebrate | merayakan; memperingati
celebrating | merayakan; memperingati
unstable | tidak stabil; ketidakstabilan; bergejolak
instability | ketidakstabilan
wish | berharap; harapan; mendoakan
sidelines | sela-sela
defence | pertahanan; kuasa hukum
legal defence | pembelaan; kuasa hukum; pengacara
defense | pertahanan; kuasa hukum
boss | direktur utama; dirut; pimpinan
chief executive | chief executive officer; ceo; direktur utama
challenge | gugatan; menggugat; tantangan
file | mengajukan; mendaftarkan
filed | mengajukan; mendaftarkan
losing | kalah
watchdog | pengawas; bawaslu
complaints | laporan; keluhan; pengaduan
alert | siaga; waspada
alert status | status
column | kolom
tall | tinggi; setinggi
lab | laboratorium
laboratory | laboratorium
additional | tambahan
extra | tambahan
cut | memangkas; pemangkasan; menurunkan; penurunan
cuts | memangkas; pemangkasan; penurunan
slowly | lambat
slow | lambat; melambat
bought | membeli; memborong; menyerap
buy | membeli
lenient | ringan
lighter | ringan
blamed | menyalahkan; penyebab; disebabkan
blame | menyalahkan; penyebab; menuduh
room | ruang; ruangan; kamar
further | lanjutan; lebih lanjut
show | menunjukkan; memperlihatkan; menampilkan
shows | menunjukkan; memperlihatkan; menampilkan
showed | menunjukkan; memperlihatkan; menampilkan
manager | manajer; pelatih
upstream | hulu
forest | hutan
forest cover | tutupan hutan
promotion | promosi
promotions | promosi
worried | khawatir; cemas
direct | langsung
route | jalur; rute
routes | jalur; rute
seats | kursi
occupancy | okupansi
inaugurated | dilantik; pelantikan
sworn in | dilantik; pelantikan
kick | tendangan
free kick | tendangan bebas
draw | imbang; seri
knee | lutut
knee-deep | setinggi lutut
consumers | konsumen
mortgage | cicilan rumah; kredit rumah
mortgages | cicilan rumah; kredit rumah
loans | kredit; pinjaman
loan | kredit; pinjaman
credit | kredit
retailers | ritel; pengusaha ritel; peritel
retail | ritel
businesses | pengusaha; perusahaan
investors | investor
business | bisnis
foreign investors | investor asing
salary | gaji
salaries | gaji
earn | gaji; penghasilan; pendapatan
earns | gaji; penghasilan; pendapatan
earned | gaji; penghasilan; pendapatan
wage | upah; gaji
wages | upah; gaji
fee | biaya; tarif
fees | biaya; tarif
fare | tarif; ongkos
fares | tarif; ongkos
daughter | putri; anak perempuan
eat | makan; menyantap
ate | makan; menyantap
banquet | jamuan
tank | tank
tanks | tank
dam | bendungan
dams | bendungan
referee | wasit
refereed | wasit
yellow card | kartu kuning
second yellow card | kartu kuning kedua
red card | kartu merah
booked | kartu kuning
scored the winner | gol kemenangan; penentu kemenangan; gol
winning goal | gol kemenangan; penentu kemenangan; gol
got | menerima; mendapat; memperoleh
watched | menonton; nonton; tonton
watch | menonton; nonton; tonton
spectators | penonton
witnessed | disaksikan; menyaksikan
carry | mengangkut; membawa
carried | mengangkut; membawa
"""


# A capital stands for its government in news ("Beijing and Pyongyang" = China and North
# Korea): a passage naming the country names what the question names by its capital.
CAPITAL_OF: dict[str, tuple[str, ...]] = {
    "beijing": ("china", "tiongkok", "cina"),
    "pyongyang": ("korea utara", "korut"),
    "seoul": ("korea selatan", "korsel"),
    "washington": ("amerika serikat", "as"),
    "moskow": ("rusia",),
    "moscow": ("rusia",),
    "moskwa": ("rusia",),
    "tokyo": ("jepang",),
    "kyiv": ("ukraina",),
    "kiev": ("ukraina",),
}


def _parse(table: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in table.strip().splitlines():
        key, _, values = line.partition("|")
        out[key.strip()] = tuple(v.strip() for v in values.split(";") if v.strip())
    return out


EN_TO_ID: dict[str, tuple[str, ...]] = _parse(_BRIDGE)


def _synonyms() -> dict[str, frozenset[str]]:
    """Indonesian words that translate the same English word ("pasukan", "tentara" ← "troops";
    "bertempur", "bertarung" ← "fight"): an Indonesian question finds an article that words
    it differently; "menlu" finds "menteri luar negeri" ← "foreign minister"). Only English
    keys with few translations (a key with many, such as "hold", is too loose to call its
    words synonyms)."""
    out: dict[str, set[str]] = {}
    for key, values in EN_TO_ID.items():
        if len(values) > SYNONYM_MAX:
            continue
        words = [v for v in values if len(v) > 3 and (" " not in v or " " in key)]
        for v in words:
            out.setdefault(v, set()).update(w for w in words if w != v)
    return {k: frozenset(v) for k, v in out.items() if v}


# Translations per English key beyond which they are not taken as synonyms of each other.
SYNONYM_MAX = 3
ID_SYNONYMS: dict[str, frozenset[str]] = _synonyms()

# Indonesian → English for rendering short answers; countries first-class, then roles/units.
_ID_EN = """
korea utara | North Korea
korut | North Korea
korea selatan | South Korea
korsel | South Korea
tiongkok | China
china | China
cina | China
amerika serikat | the United States
as | the US
amerika | America
rusia | Russia
jepang | Japan
ukraina | Ukraine
inggris | Britain
prancis | France
perancis | France
jerman | Germany
belanda | the Netherlands
singapura | Singapore
filipina | the Philippines
arab saudi | Saudi Arabia
mesir | Egypt
turki | Turkey
spanyol | Spain
italia | Italy
kanada | Canada
meksiko | Mexico
brasil | Brazil
selandia baru | New Zealand
palestina | Palestine
irak | Iraq
eropa | Europe
uni eropa | the European Union
timur tengah | the Middle East
afrika | Africa
moskow | Moscow
moskwa | Moscow
pbb | the UN
perserikatan bangsa-bangsa | the United Nations
menteri luar negeri | foreign minister
menlu | foreign minister
kementerian luar negeri | foreign ministry
menteri pertahanan | defence minister
menhan | defence minister
menteri keuangan | finance minister
perdana menteri | prime minister
wakil presiden | vice president
wapres | vice president
presiden | president
pemimpin | leader
menteri | minister
kementerian | ministry
sekretaris jenderal | secretary-general
sekjen | secretary-general
juru bicara | spokesperson
jubir | spokesperson
duta besar | ambassador
dubes | ambassador
ketua | chair
wakil | deputy
gubernur | governor
wali kota | mayor
walikota | mayor
bupati | regent
raja | king
ratu | queen
panglima | commander
jenderal | general
pelatih | coach
kepala | head
direktur | director
partai komunis | Communist Party
partai buruh | Workers' Party
kantor berita | news agency
rekan | counterpart
rekannya | counterpart
mitra | counterpart
mitranya | counterpart
pejabat | official
tentara | troops
prajurit | soldiers
orang | people
ekonom | economists
posko | shelters
titik pengungsian | shelters
penumpang | passengers
karyawan | employees
pengusaha | businesspeople
desa | villages
anak | children
warga | residents
penduduk | residents
korban | victims
korban jiwa | deaths
pemain | players
gol | goals
negara | countries
rumah | houses
hari | days
jam | hours
menit | minutes
detik | seconds
minggu | weeks
pekan | weeks
bulan | months
tahun | years
dekade | decades
abad | centuries
persen | percent
dan | and
di | in
dari | from
ke | to
"""

_ID_WORDS = frozenset(w for values in EN_TO_ID.values() for v in values for w in v.split())

ID_TO_EN: dict[str, str] = {k: v[0] for k, v in _parse(_ID_EN).items()}

# Places in both languages → one canonical name, so "North Korea" in a question and
# "Korea Utara" in an article count as the same place.
_PLACES = """
North Korea | korea utara; korut; north korea; dprk; north korean
South Korea | korea selatan; korsel; south korea; south korean
China | china; tiongkok; cina; rrt; prc; chinese
United States | amerika serikat; as; amerika; united states; usa; us; america; american
Russia | rusia; russia; russian
Japan | jepang; japan; japanese
Ukraine | ukraina; ukraine; ukrainian
Indonesia | indonesia; indonesian
Malaysia | malaysia
Singapore | singapura; singapore
Thailand | thailand
Philippines | filipina; philippines
Vietnam | vietnam
India | india
Pakistan | pakistan
Australia | australia
New Zealand | selandia baru; new zealand
United Kingdom | inggris; britania raya; united kingdom; britain; england; uk
France | prancis; perancis; france
Germany | jerman; germany
Netherlands | belanda; netherlands
Italy | italia; italy
Spain | spanyol; spain
Turkey | turki; turkey
Iran | iran
Iraq | irak; iraq
Israel | israel
Palestine | palestina; palestine
Egypt | mesir; egypt
Saudi Arabia | arab saudi; saudi arabia
Taiwan | taiwan
Hong Kong | hong kong
Myanmar | myanmar
Mongolia | mongolia
Brazil | brasil; brazil
Canada | kanada; canada
Mexico | meksiko; mexico
Europe | eropa; europe
Asia | asia
Africa | afrika; africa
Middle East | timur tengah; middle east
Beijing | beijing
Pyongyang | pyongyang
Seoul | seoul
Tokyo | tokyo
Moscow | moskow; moskwa; moscow
Washington | washington
Kyiv | kyiv; kiev
Jakarta | jakarta
Kuala Lumpur | kuala lumpur
Bangkok | bangkok
Manila | manila
Hanoi | hanoi
New Delhi | new delhi
Canberra | canberra
London | london
Paris | paris
Berlin | berlin
Rome | roma; rome
Madrid | madrid
Ankara | ankara
Tehran | teheran; tehran
Baghdad | baghdad
Jerusalem | yerusalem; jerusalem
Gaza | gaza
Cairo | kairo; cairo
Riyadh | riyadh
Taipei | taipei
Ottawa | ottawa
Brussels | brussel; brussels
Bahrain | bahrain
Qatar | qatar
Kuwait | kuwait
United Arab Emirates | uni emirat arab; uea; united arab emirates; uae
Oman | oman
Jordan | yordania; jordan
Syria | suriah; syria
Lebanon | lebanon; libanon
Yemen | yaman; yemen
Afghanistan | afghanistan
Bangladesh | bangladesh
Sri Lanka | sri lanka
Nepal | nepal
Cambodia | kamboja; cambodia
Laos | laos
Brunei | brunei
Timor-Leste | timor leste; timor-leste
Argentina | argentina
Chile | chili; chile
Peru | peru
Colombia | kolombia; colombia
Venezuela | venezuela
Cuba | kuba; cuba
Nigeria | nigeria
Kenya | kenya
South Africa | afrika selatan; south africa; south african; afsel
Morocco | maroko; morocco
Algeria | aljazair; algeria
Tunisia | tunisia
Libya | libya
Sudan | sudan
Ethiopia | etiopia; ethiopia
Poland | polandia; poland
Sweden | swedia; sweden
Norway | norwegia; norway
Denmark | denmark
Finland | finlandia; finland
Switzerland | swiss; switzerland
Austria | austria
Belgium | belgia; belgium
Portugal | portugal
Greece | yunani; greece
Ireland | irlandia; ireland
Scotland | skotlandia; scotland
Hungary | hungaria; hungary
Czech Republic | ceko; czech republic
Romania | rumania; romania
Belarus | belarus
Georgia | georgia
Kazakhstan | kazakhstan
Uzbekistan | uzbekistan
Kremlin | kremlin
West Java | jawa barat; west java
Central Java | jawa tengah; central java
East Java | jawa timur; east java
Banten | banten
Yogyakarta | yogyakarta; jogja; yogya
North Sumatra | sumatera utara; north sumatra
West Sumatra | sumatera barat; west sumatra
South Sumatra | sumatera selatan; south sumatra
Riau | riau
Lampung | lampung
Bengkulu | bengkulu
Jambi | jambi
Kalimantan Timur | kalimantan timur; east kalimantan
South Sulawesi | sulawesi selatan; south sulawesi
Maluku | maluku
Nusa Tenggara | nusa tenggara
Lombok | lombok
Makassar | makassar
Semarang | semarang
Palembang | palembang
Denpasar | denpasar
Bekasi | bekasi
Bogor | bogor
Depok | depok
Tangerang | tangerang
Cianjur | cianjur
Nusantara | ikn; nusantara
Surabaya | surabaya
Bandung | bandung
Medan | medan
Bali | bali
Papua | papua
Aceh | aceh
Java | jawa; java
Sumatra | sumatra; sumatera
Kalimantan | kalimantan; borneo
Sulawesi | sulawesi
"""


def _places() -> dict[str, str]:
    out: dict[str, str] = {}
    for canon, names in _parse(_PLACES).items():
        for name in names:
            out[name] = canon
    return out


PLACES: dict[str, str] = _places()
"""Lower-cased place name (either language) → canonical English name."""
PLACE_WORDS = frozenset(w for name in PLACES for w in name.split())

# Words that start a title before a person's name, lower-cased, longest first when matched.
TITLES = (
    "menteri luar negeri",
    "menteri pertahanan",
    "menteri keuangan",
    "menteri dalam negeri",
    "menteri",
    "menlu",
    "menhan",
    "menkeu",
    "perdana menteri",
    "wakil presiden",
    "wapres",
    "presiden",
    "pemimpin",
    "wakil",
    "ketua",
    "bapak",
    "ibu",
    "pak",
    "bu",
    "dr.",
    "dr",
    "prof.",
    "prof",
    "sekretaris jenderal",
    "sekjen",
    "juru bicara",
    "jubir",
    "duta besar",
    "dubes",
    "gubernur",
    "wali kota",
    "walikota",
    "bupati",
    "raja",
    "ratu",
    "pangeran",
    "kanselir",
    "panglima",
    "jenderal",
    "kepala",
    "direktur",
    "pelatih",
    "kapten",
    "rekannya",
    "rekan",
    "mitranya",
    "mitra",
    "pejabat",
    "tokoh",
    "kapolri",
    "kapolda",
    "kapolres",
    "kapolsek",
    "irjen",
    "brigjen",
    "kombes",
    "akbp",
    "jenderal tni",
    "mayjen",
    "letjen",
    "laksamana",
    "marsekal",
    "jaksa agung",
    "hakim",
    "kiai",
    "ustaz",
    "president",
    "foreign minister",
    "prime minister",
    "minister",
    "leader",
    "mr.",
    "mrs.",
    "ms.",
)

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip

WEEKDAYS = {
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


STOP_ID = _wordset(
    """yang dan di ke dari pada untuk dengan ini itu adalah akan tidak bukan juga sudah telah oleh
    dalam tentang para kepada antara sebagai karena bahwa atau saja lalu ada bisa dapat harus sedang
    ia dia mereka kami kita saya anda kamu engkau beliau nya pun lah kah tersebut hal secara serta maupun baik agar
    sebuah seorang suatu sang si masih belum lebih paling sangat hanya namun tetapi tapi jika bila
    kalau ketika saat setelah sebelum sejak hingga sampai selama menurut seperti yaitu yakni
    tolong coba mohon apa apakah siapa siapakah kapan kapankah mana manakah dimana dimanakah
    mengapa kenapa bagaimana berapa berapakah sebutkan jelaskan beritahu beri tahu
    banyak jumlah besar nilai lama lain lainnya"""
)
STOP_EN = _wordset(
    """the a an of and to in on at for with is are was were be been being who whom whose what when
    where why how which did do does done has have had will would can could should shall may might
    must about from by this that these those it its they them their he she his her him i me my we
    our you your please tell name list give explain describe between during after before than as
    or not any many much long there here into over under up down out off so such very just also
    then only other some each all both more most own same too s t don doesn didn isn aren wasn
    weren wouldn once"""
)

_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=1)
def root_words() -> frozenset[str]:
    """Sastrawi's Indonesian root-word dictionary (about 30 000 words)."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return frozenset(StemmerFactory().get_words())


# Words whose Sastrawi stem is another word: "meninggal" (to die) is not "tinggal" (to stay),
# the stem of "meninggalkan" (to leave), so "berapa orang meninggal" found the evacuees who
# left the shelters.
_OWN_STEM = {"meninggal": "meninggal", "meninggalnya": "meninggal"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Indonesian stem of one lower-cased word (Sastrawi; cached — it is the slow part)."""
    own = _OWN_STEM.get(word)
    return own if own is not None else _stemmer().stem(word)


def is_common_word(word: str) -> bool:
    """Is a capitalized word probably an ordinary word (sentence-initial) rather than a name?

    Affixed words ("Pertemuan" → temu) and stopwords are ordinary; bare roots of five letters
    or more in the dictionary are too ("Tatanan" is affixed, "Banyak" a stopword), while short
    roots stay names, because "Wang" and "Kim" are also KBBI roots.
    """
    w = word.lower()
    if w in PLACES or w in PLACE_WORDS:  # "Korea" in "Korea Utara …" at a sentence start
        return False
    if w in STOP_ID or w in STOP_EN or w in EN_TO_ID or w in ID_TO_EN or w in _ID_WORDS:
        return True
    if not w.isalpha():
        return False
    s = stem(w)
    if s != w and s in root_words():
        return True
    return len(w) > 4 and w in root_words()


# Indonesian nouns a number counts → English "one; many", for number short answers in English
# ("712 pos tarif" → "712 tariff lines", "64 perjalanan kereta" → "64 train trips"). A table of
# its own, not ID_TO_EN: those words also decide what is a name (is_common_word) and translate
# names (spans.to_english), where "Pos" or "Stasiun" must stay as written. Multiword keys are
# compounds a quantity's text runs on to.
_COUNTED = """
pos | post; posts
pos tarif | tariff line; tariff lines
pos pengamanan | security post; security posts
pos pelayanan | service post; service posts
perjalanan | trip; trips
perjalanan kereta | train trip; train trips
kereta | train; trains
gerbong | carriage; carriages
perahu | boat; boats
perahu karet | rubber boat; rubber boats
kapal | ship; ships
pesawat | plane; planes
penerbangan | flight; flights
kendaraan | vehicle; vehicles
mobil | car; cars
sepeda motor | motorcycle; motorcycles
motor | motorcycle; motorcycles
bus | bus; buses
truk | truck; trucks
sekolah | school; schools
kecamatan | district; districts
kabupaten | regency; regencies
provinsi | province; provinces
kepala keluarga | household; households
keluarga | family; families
pengungsi | evacuee; evacuees
pasien | patient; patients
siswa | student; students
pelajar | student; students
mahasiswa | student; students
guru | teacher; teachers
dokter | doctor; doctors
tenaga kesehatan | health worker; health workers
petugas | officer; officers
personel | personnel; personnel
polisi | police officer; police officers
relawan | volunteer; volunteers
tersangka | suspect; suspects
terdakwa | defendant; defendants
saksi | witness; witnesses
kasus | case; cases
pemilih | voter; voters
suara | vote; votes
kursi | seat; seats
tempat pemungutan suara | polling station; polling stations
tps | polling station; polling stations
perusahaan | company; companies
toko | shop; shops
gerai | outlet; outlets
pabrik | factory; factories
proyek | project; projects
sapi | cow; cattle
ternak | head of livestock; livestock
bungkus | pack; packs
bungkus nasi | rice pack; rice packs
paket | package; packages
paket sembako | food parcel; food parcels
lembar | sheet; sheets
dosis | dose; doses
vaksin | vaccine; vaccines
balita | toddler; toddlers
lansia | elderly person; elderly people
bayi | baby; babies
ibu hamil | pregnant woman; pregnant women
laga | match; matches
pertandingan | match; matches
tembakan | shot; shots
stasiun | station; stations
bandara | airport; airports
rute | route; routes
pekerja | worker; workers
buruh | worker; workers
jembatan | bridge; bridges
gedung | building; buildings
bangunan | building; buildings
masjid | mosque; mosques
produk | product; products
korban jiwa | death; deaths
selimut | blanket; blankets
karung | sack; sacks
"""

COUNTED_EN: dict[str, tuple[str, str]] = {k: (v[0], v[-1]) for k, v in _parse(_COUNTED).items() if v}


# --- English words the table lacks: spelling variants and Latinate loans --------------------

# British → American endings, longest first, so that a British spelling finds the table's
# American entry ("criticised" → "criticized", "programme" → "program", "defence" →
# "defense", "labour" → "labor", "centre" → "center").
_BRITISH = (
    ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"), ("ise", "ize"),
    ("ogramme", "ogram"), ("ogrammes", "ograms"), ("ence", "ense"), ("our", "or"), ("ours", "ors"),
    ("tre", "ter"), ("tres", "ters"), ("lled", "led"), ("lling", "ling"), ("yse", "yze"),
)  # fmt: skip


def american(word: str) -> list[str]:
    """American spellings a British-spelled word may stand for ([] when it has none)."""
    out = []
    for end, repl in _BRITISH:
        if word.endswith(end) and len(word) - len(end) >= 2:  # "pr|ogramme"
            out.append(word[: -len(end)] + repl)
    return out


# English Latinate suffixes → their Indonesian loanword forms (KBBI's adaptation rules,
# Pedoman Umum Pembentukan Istilah): "hegemonism" → "hegemonisme", "stability" → "stabilitas",
# "coordination" → "koordinasi", "immunization" → "imunisasi", "strategic" → "strategis",
# "socialist" → "sosialis", "productive" → "produktif", "military" → "militer". Applied only
# to words the table lacks; a guess the articles never use weighs nothing.
_LOAN_SUFFIXES = (
    ("ization", ("isasi",)), ("isation", ("isasi",)), ("ations", ("asi",)), ("ation", ("asi",)),
    ("itions", ("isi",)), ("ition", ("isi",)), ("ssions", ("si",)), ("ssion", ("si",)),
    ("tions", ("si",)), ("tion", ("si",)), ("sions", ("si",)), ("sion", ("si",)), ("isms", ("isme",)), ("ism", ("isme",)),
    ("ists", ("is",)), ("ist", ("is",)), ("ities", ("itas",)), ("ity", ("itas",)),
    ("ically", ("is",)), ("ical", ("is",)), ("ics", ("ik", "ika", "i")), ("ic", ("is", "ik")),
    ("ives", ("if",)), ("ive", ("if",)), ("ary", ("er",)), ("ency", ("ensi",)), ("ancy", ("ansi",)),
    ("ence", ("ensi",)), ("ance", ("ansi",)), ("ize", ("isasi",)), ("ized", ("isasi",)),
    ("ology", ("ologi",)), ("ography", ("ografi",)),
)  # fmt: skip
# Shortest stem left before a suffix: "nation" (na-) or "action" (ac-) are no loans.
_LOAN_STEM_MIN = 4


def _respell(stem_: str) -> str:
    """English letters → Indonesian spelling: c before e/i/y → s, other c → k, ph → f, th → t,
    qu → kw, x → ks, y → i; doubled consonants single ("commission" → "komisi")."""
    s = stem_.replace("ph", "f").replace("th", "t").replace("qu", "kw").replace("x", "ks")
    s = re.sub(r"c(?=[eiy])", "s", s).replace("c", "k").replace("y", "i")
    return re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", s)


@lru_cache(maxsize=4096)
def loan_forms(word: str) -> tuple[str, ...]:
    """Indonesian loanword forms of an English Latinate word ("hegemonism" → "hegemonisme");
    () when it has no such suffix. Guesses: only those the articles use mean anything."""
    for end, repls in _LOAN_SUFFIXES:
        if word.endswith(end) and len(word) - len(end) >= _LOAN_STEM_MIN and word.isalpha():
            base = _respell(word[: -len(end)])
            return tuple(dict.fromkeys(base + r for r in repls))
    return ()


# Indonesian common nouns and their modifiers → English ("one; many", or one form for mass
# nouns and adjectives), for saying a list of things in an English short answer ("sektor
# pertambangan dan energi terbarukan" → "mining and renewable energy sectors"). A table of its
# own: ID_TO_EN also decides what is a name (is_common_word), and these words must not.
# COUNTED_EN's nouns are looked up too. Multiword keys are compounds English says otherwise.
_NOUNS = """
sektor | sector; sectors
bidang | field; fields
divisi | division; divisions
departemen | department; departments
industri | industry; industries
pertambangan | mining
tambang | mine; mines
energi | energy
terbarukan | renewable
energi terbarukan | renewable energy
pertanian | agriculture
perikanan | fisheries
kehutanan | forestry
perkebunan | plantation; plantations
pariwisata | tourism
perdagangan | trade
perumahan | housing
infrastruktur | infrastructure
pendidikan | education
kesehatan | health
transportasi | transport
manufaktur | manufacturing
pengolahan | processing
pengolahan mineral | mineral processing
mineral | mineral; minerals
pemasaran | marketing
layanan | service; services
layanan pelanggan | customer service
pelanggan | customer; customers
konsumen | consumer; consumers
aplikasi | app; apps
tim | team; teams
keuangan | finance
teknologi | technology
balai | hall; halls
balai desa | village hall; village halls
aula | hall; halls
gereja | church; churches
rumah | house; houses
rumah sakit | hospital; hospitals
puskesmas | community health centre; community health centres
posyandu | community health post; community health posts
kantor | office; offices
kantor bupati | regent's office; regent's offices
tenda | tent; tents
pasar | market; markets
jalan | road; roads
sawah | rice field; rice fields
kebun | garden; gardens
lahan | land
besi | iron
baja | steel
besi baja | iron and steel
buah | fruit
buah-buahan | fruit
sayuran | vegetables
sayur-sayuran | vegetables
bahan | material; materials
bahan kimia | chemicals
kimia | chemical; chemicals
minyak | oil
minyak sawit | palm oil
sawit | palm oil
olahan | processed
batu bara | coal
batubara | coal
kertas | paper
kopi | coffee
teh | tea
kakao | cocoa
karet | rubber
tekstil | textiles
pakaian | clothing
alas kaki | footwear
suku cadang | spare part; spare parts
kendaraan bermotor | motor vehicle; motor vehicles
bermotor | motor
mesin | machine; machines
elektronik | electronics
apel | apple; apples
anggur | grape; grapes
jeruk | orange; oranges
beras | rice
gula | sugar
garam | salt
daging | meat
ikan | fish
susu | milk
gandum | wheat
jagung | maize
kedelai | soybeans
makanan | food
makanan halal | halal food
minuman | drinks
pupuk | fertiliser
pasokan | supply; supplies
pembelian | purchase; purchases
pembangkit | plant; plants
pembangkit listrik | power plant; power plants
listrik | electricity
tenaga surya | solar
surya | solar
air | water
air bersih | clean water
bersih | clean
popok | diaper; diapers
obat | medicine; medicines
obat-obatan | medicines
masker | mask; masks
tikar | mat; mats
pangan | food
sembako | staple foods
amunisi | ammunition
artileri | artillery
rudal | missile; missiles
senjata | weapon; weapons
tank | tank; tanks
pesawat tempur | fighter jet; fighter jets
kapal perang | warship; warships
ternak | livestock
batu pijar | incandescent rocks
hujan abu | ashfall
abu | ash
lahar | lava flow; lava flows
banjir | flood; floods
longsor | landslide; landslides
radang paru | pneumonia
diare berat | severe diarrhoea
radang otak | encephalitis
demam tinggi | high fever
ruam merah | red rash
batuk | cough
pilek | runny nose
mata merah | red eyes
desa | village; villages
kota | city; cities
pulau | island; islands
pulau-pulau kecil | small islands
daerah terpencil | remote areas
daerah | area; areas
wilayah | region; regions
kecil | small
besar | large
baru | new
utama | main
berat | heavy
"""

NOUNS_EN: dict[str, tuple[str, ...]] = _parse(_NOUNS)
"""Lower-cased Indonesian noun or modifier → its English forms (one; many)."""

# Indonesian prepositions inside a noun phrase, as English says them ("tim produk untuk
# aplikasi konsumen" → "product teams for consumer apps").
NOUN_PREPOSITIONS_EN = {
    "untuk": "for", "bagi": "for", "dari": "from", "di": "in", "ke": "to", "pada": "on",
    "dengan": "with", "tanpa": "without",
}  # fmt: skip

# Names of days and holidays, said as English says them ("Tahun Baru" is New Year, a name,
# not "years Baru"); looked up before any word of a capitalized span is translated.
_NAMES = """
tahun baru | New Year
natal | Christmas
natal dan tahun baru | Christmas and New Year
nataru | Christmas and New Year
idul fitri | Eid al-Fitr
idulfitri | Eid al-Fitr
lebaran | Eid
idul adha | Eid al-Adha
imlek | Chinese New Year
hari kemerdekaan | Independence Day
hari raya | holiday
perang dunia ii | World War II
perang dunia kedua | World War II
"""
NAMES_EN: dict[str, str] = {k: v[0] for k, v in _parse(_NAMES).items()}
"""Lower-cased Indonesian name of a holiday or event → its English name."""

# The Indonesian nouns that introduce a body of the kind a "which …" question asks for, beyond
# the word's translation (EN_TO_ID, which retrieval also reads): "Which research firm …" is
# answered by "lembaga riset Digitalika Insight", a research body, not only a "perusahaan".
# Read only by spans.head_forms, so retrieval's word matching is unchanged.
_HEAD_KINDS = """
firm | lembaga; firma
institute | lembaga; institut
institution | lembaga; institusi
organisation | organisasi; lembaga; ikatan; himpunan; asosiasi
organization | organisasi; lembaga; ikatan; himpunan; asosiasi
association | asosiasi; ikatan; himpunan; persatuan
body | badan; lembaga; majelis; dewan; komisi
agency | lembaga
council | majelis; dewan
"""
HEAD_KINDS_ID: dict[str, tuple[str, ...]] = _parse(_HEAD_KINDS)
