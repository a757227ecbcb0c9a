import { describe, expect, test } from 'vitest';
import { moneyBySentence as money } from '../money-helpers.js';

describe('exchange-rate quotes are rates, never amounts', () => {
  test.for([
    ['fra', 'Un dollar valait 1 431,30 wons à la clôture.', '1 431,30 wons', 'USD', 'KRW', 1431.3],
    ['fra', 'Le won a clôturé à 1 380,5 pour un dollar.', '1 380,5', 'USD', 'KRW', 1380.5],
    ['fra', "Hier, un dollar a même valu quelques instants 1 168 wons.", '1 168 wons', 'USD', 'KRW', 1168],
    ['fra', "L'euro s'achetait 1 608,45 wons.", '1 608,45 wons', 'EUR', 'KRW', 1608.45],
    ['fra', '100 yens valaient 926,2 wons.', '926,2 wons', 'JPY', 'KRW', 9.262],
    ['fra', 'La devise a terminé à 201,2 wons pour un yuan.', '201,2 wons', 'CNY', 'KRW', 201.2],
    ['fra', '(1 dollar américain = 21,75 couronnes tchèques)', '21,75 couronnes tchèques', 'USD', 'CZK', 21.75],
    ['fra', "Ce matin, la contrevaleur d'un dollar américain est de 152,30 yens.", '152,30 yens', 'USD', 'JPY', 152.3],
    ['fra', 'Une livre sterling permet d’obtenir 1,2840 dollar à Londres.', '1,2840 dollar', 'GBP', 'USD', 1.284],
    ['fra', 'À midi, un euro donne droit à 7,92 yuans.', '7,92 yuans', 'EUR', 'CNY', 7.92],
    // A count of units after "pour" names the base as plainly as "pour un", however far the level is from today's.
    ['fra', 'En 2012, le cours pivot était fixé à 8,07 yuans pour 100 yens.', '8,07 yuans', 'CNY', 'JPY', 100 / 8.07],
    ['fra', "Lundi, la contrevaleur d'un dollar était notamment de 0,86 euro.", '0,86 euro', 'EUR', 'USD', 1 / 0.86],
    ['fra', 'Pour 1 euro, on obtenait 0,84 sterling et 7,71 yuans.', '0,84 sterling', 'EUR', 'GBP', 0.84],
    // One unit and its price, however far from today's level: a historical quote.
    ['fra', 'Au 1er janvier 1999, un euro valait 6,55957 francs.', '6,55957 francs', 'EUR', 'CHF', 6.55957],
    ['fra', 'Les exportateurs ont cédé leurs dollars au-dessus de 1 410 wons.', '1 410 wons', 'USD', 'KRW', 1410],
    // A 2008 level of the euro: far from today's, still the US dollar when the article names no other.
    ['fra', "Vers 18 heures, l'euro s'échangeait à 1,4312 dollar.", '1,4312 dollar', 'EUR', 'USD', 1.4312],
    ['fra', 'Le 15 juillet 2008, un euro était échangé pour 1,59 dollar.', '1,59 dollar', 'EUR', 'USD', 1.59],
    ['fra', 'Pour un dollar, il faut désormais 1 446 wons.', '1 446 wons', 'USD', 'KRW', 1446],
    ['fra', 'À Accra, pour avoir 1 dollar, il faut débourser 15,4 cedis.', '15,4 cedis', 'USD', 'GHS', 15.4],
    ['fra', 'Pour un dollar on obtenait 1 446 wons.', '1 446 wons', 'USD', 'KRW', 1446],
    ['fra', "Il faut aligner un peu plus de 1,08 franc suisse pour s’offrir un euro.", '1,08 franc suisse', 'EUR', 'CHF', 1.08],
    ['fra', 'Il fallait donner 1,02 franc pour recevoir un dollar.', '1,02 franc', 'USD', 'CHF', 1.02],
    // A Uruguayan report keeps its bare "$" for the peso though it spells out Argentine pesos.
    ['spa', 'El dólar interbancario cotizó en promedio a $ 39,606, pese a la intervención del BCU. En Argentina, el dólar cerró en 1.158 pesos argentinos.', '$ 39,606', 'USD', 'UYU', 39.606],
    // Venezuelan bolívars at the levels of all three of their redenominations.
    ['fra', 'Au marché noir, le billet vert s’échange désormais à plus de 60 bolivars.', '60 bolivars', 'USD', 'VES', 60],
    ['fra', 'Le dollar parallèle a atteint 1 000 bolivars mardi.', '1 000 bolivars', 'USD', 'VES', 1000],
    ['fra', 'La Banque centrale du Venezuela a fixé le cours à 6,30 bolivars, contre 4,30 auparavant.', '6,30 bolivars', 'USD', 'VES', 6.3],
    // A headline without the article.
    ['spa', 'Abre Banxico dólar a 18.09 pesos', '18.09 pesos', 'USD', 'MXN', 18.09],
    // A date between the subject and its price.
    ['fra', 'À Kinshasa, 1 dollar s’est changé le lundi 3 juillet à 1.950 fc au marché noir.', '1.950 fc', 'USD', 'CDF', 1950],
    ['spa', 'El dólar oficial abrió el martes 21 de octubre en 207,89 bolívares.', '207,89 bolívares', 'USD', 'VES', 207.89],
    ['fra', 'En 2012, il fallait 271 FCFA pour obtenir un seul cedi ghanéen.', '271 FCFA', 'GHS', 'XOF', 271],
    // A currency named by an epithet after "por"/"par".
    ['spa', 'El banco central fijó el tipo de cambio en 18.2150 pesos por divisa estadounidense.', '18.2150 pesos', 'USD', 'MXN', 18.215],
    ['fra', 'Le taux de référence est fixé à 1 452 wons par billet vert.', '1 452 wons', 'USD', 'KRW', 1452],
    ['fra', 'Pour 1 euro on obtient, ce matin, 7,82 yuans.', '7,82 yuans', 'EUR', 'CNY', 7.82],
    ['fra', 'Un euro est égal à 1,16 dollar.', '1,16 dollar', 'EUR', 'USD', 1.16],
    ['fra', 'Au guichet, un dollar donne environ 1 452 wons.', '1 452 wons', 'USD', 'KRW', 1452],
    // A move between the subject and the level is not another figure.
    ['fra', 'Hier, le huard a progressé de 41 centièmes à 72,83 cents US.', '72,83 cents US', 'USD', 'CAD', 100 / 72.83],
    ['fra', 'En changeant 1 livre, on obtenait 192 yens.', '192 yens', 'GBP', 'JPY', 192],
    ['fra', 'Désormais, 158,7 yens sont nécessaires pour obtenir 1 dollar.', '158,7 yens', 'USD', 'JPY', 158.7],
    ['fra', 'Le gouvernement a révisé son hypothèse à 1 425 wons pour 2026.', '1 425 wons', 'USD', 'KRW', 1425],
    // A currency, its verb and a level phrase: a historical level far from today's is still a quote.
    ['fra', "En octobre 2011, le dollar a chuté jusqu'à 75,32 yens.", '75,32 yens', 'USD', 'JPY', 75.32],
    ['fra', 'Avant 1971, le dollar s’échangeait contre 360 yens.', '360 yens', 'USD', 'JPY', 360],
    // In an Indonesian story the rupee is the rupiah: a quote, not Indian rupees.
    ['fra', "À Jakarta, le dollar s'échangeait à 16 900 roupies, au plus bas depuis 1998 pour la devise indonésienne.", '16 900 roupies', 'USD', 'IDR', 16900],
    ['fra', "Sur le marché informel d'Alger, l'euro s'échange à 240 dinars.", '240 dinars', 'EUR', 'DZD', 240],
    ['fra', 'À Casablanca, le dollar s’échange à 9,95 dirhams.', '9,95 dirhams', 'USD', 'MAD', 9.95],
    // Currencies of African and Middle-Eastern copy, by name, local sign or code.
    ['fra', 'Au marché de Madina, les changeurs donnent 9 400 GNF pour 1 dollar.', '9 400 GNF', 'USD', 'GNF', 9400],
    ['fra', 'À Benghazi, la banque centrale fixe 1 USD à 4,85 LYD.', '4,85 LYD', 'USD', 'LYD', 4.85],
    ['fra', 'À Tamatave, les changeurs demandent 5 050 ariary pour un euro.', '5 050 ariary', 'EUR', 'MGA', 5050],
    ['fra', 'À Gondar, un dollar coûte désormais 143,5 birr.', '143,5 birr', 'USD', 'ETB', 143.5],
    ['fra', 'À Lubumbashi, les cambistes vendent le dollar à 2 850 FC.', '2 850 FC', 'USD', 'CDF', 2850],
    ['fra', 'À Kumasi, le billet vert se négocie à 15,2 cedis.', '15,2 cedis', 'USD', 'GHS', 15.2],
    ['fra', 'À Sfax, le dollar se négocie à 3,05 DT.', '3,05 DT', 'USD', 'TND', 3.05],
    ['fra', 'Au Canada, le billet vert valait 74,10 cents CAN jeudi.', '74,10 cents CAN', 'USD', 'CAD', 0.741],
    // "par rapport au dollar" names the base; "par rapport à vendredi" dates a change.
    ['fra', 'La roupie indienne a glissé à 84,97 par rapport au dollar.', '84,97', 'USD', 'INR', 84.97],
    // A currency after "face au" is priced against, not the subject; a bare figure reads the way nearer its usual level.
    ['fra', "Cet été, le cours de l'euro face au dollar tournait autour de 1,12.", '1,12', 'EUR', 'USD', 1.12],
    ['fra', 'Face à l’euro, la livre sterling se maintient à 1,17.', '1,17', 'EUR', 'GBP', 1 / 1.17],
    ['fra', 'Recul de la monnaie unique, qui cède face au billet vert pour coter 1,0825.', '1,0825', 'EUR', 'USD', 1.0825],
    ['fra', 'Le dollar australien, sous la parité avec le dollar américain, cote 0,9987.', '0,9987', 'AUD', 'USD', 0.9987],
    // Ten or a hundred units of any currency opening their clause, with a rate verb, are a base.
    ['fra', "Au marché informel d'Oran, 100 euros se vendent 24 500 dinars algériens.", '24 500 dinars algériens', 'EUR', 'DZD', 245],
    ['fra', 'Au Ghana, 10 cedis ghanéens s’échangent contre 412 F CFA.', '412 F CFA', 'GHS', 'XOF', 41.2],
    ['fra', 'À la BCT, les 1000 yens valent 21,5 dinars tunisiens.', '21,5 dinars tunisiens', 'JPY', 'TND', 0.0215],
    // A year before the subject dates the quote, however far from today's level.
    ['fra', "En 2016, à Lagos, le dollar s'échangeait à 305 nairas.", '305 nairas', 'USD', 'NGN', 305],
    ['fra', 'En 2009, le dollar valait 1,75 real brésilien.', '1,75 real brésilien', 'USD', 'BRL', 1.75],
    // FC is the Congolese franc, or the Comorian where the article names the Comoros.
    ['fra', 'Aux Comores, un euro vaut 491,97 FC.', '491,97 FC', 'EUR', 'KMF', 491.97],
    // "dólar blue" is Argentine: the "$" of its quotes is the peso.
    ['spa', 'El dólar blue cerró el martes a $1.350 para la venta.', '$1.350', 'USD', 'ARS', 1350],
    // A price per unit is a level where its clause names the rate.
    ['spa', 'En México, el tipo de cambio interbancario se ubicó en 19.45 pesos por unidad al cierre.', '19.45 pesos', 'USD', 'MXN', 19.45],
    // Epithets of the euro in Italian.
    ['ita', 'La valuta europea è salita fino a 1,1432 dollari.', '1,1432 dollari', 'EUR', 'USD', 1.1432],
    ['spa', 'Hoy, 1.447 wones son necesarios para comprar un dólar.', '1.447 wones', 'USD', 'KRW', 1447],
    // A headline leaves the verb out.
    ['fra', 'Un dollar contre 1 412 wons : les importateurs inquiets', '1 412 wons', 'USD', 'KRW', 1412],
    ['eng', 'The won closed at 1,406.3 won per dollar.', '1,406.3 won', 'USD', 'KRW', 1406.3],
    ['eng', 'The cross rate stood at 908.46 won per 100 yen.', '908.46 won', 'JPY', 'KRW', 9.0846],
    ['eng', 'The deal was signed. ($1 = 1,335.20 won)', '1,335.20 won', 'USD', 'KRW', 1335.2],
    // Broadcast copy spells the thousands out.
    ['eng', 'The won closed at one-thousand-452-point-three per U.S. dollar.', 'one-thousand-452-point-three', 'USD', 'KRW', 1452.3],
    ['spa', 'El dólar cerró a 1.430 wones en Seúl.', '1.430 wones', 'USD', 'KRW', 1430],
    ['spa', 'El tipo de cambio se situó en 1.452,3 wones por dólar.', '1.452,3 wones', 'USD', 'KRW', 1452.3],
    ['spa', 'Al cierre del año, cada dólar cotizó a 1.312,6 wones.', '1.312,6 wones', 'USD', 'KRW', 1312.6],
    ['spa', 'El dólar cerró la sesión en 1.402,7 wones por unidad.', '1.402,7 wones', 'USD', 'KRW', 1402.7],
    ['deu', 'Am Dienstag kostete ein Dollar in Seoul 1.335,2 Won.', '1.335,2 Won', 'USD', 'KRW', 1335.2],
    ['deu', 'Der Euro notierte bei 1,0905 Dollar.', '1,0905 Dollar', 'EUR', 'USD', 1.0905],
    ['ita', 'Il won ha chiuso a 1.379,8 per dollaro.', '1.379,8', 'USD', 'KRW', 1379.8],
    ['ita', 'Un dollaro valeva 1.430 won.', '1.430 won', 'USD', 'KRW', 1430],
    ['kor', '원·달러 환율은 전날보다 5.3원 오른 1,438.7원에 마감했다.', '1,438.7원', 'USD', 'KRW', 1438.7],
    ['kor', '환율이 1달러에 1,450원을 넘으면 계획을 다시 짠다.', '1,450원', 'USD', 'KRW', 1450],
    ['kor', '원·엔 재정환율은 100엔당 912.5원이다.', '912.5원', 'JPY', 'KRW', 9.125],
    ['kor', '유로화는 1,541원에 거래됐다.', '1,541원', 'EUR', 'KRW', 1541],
    ['kor', '엔화는 이달 들어 880원대까지 떨어졌다.', '880원', 'JPY', 'KRW', 8.8],
    ['deu', 'Für einen Dollar mussten zuletzt 1.418 Won gezahlt werden.', '1.418 Won', 'USD', 'KRW', 1418],
    ['deu', 'Ein Euro war am Freitag 1.544 Won wert.', '1.544 Won', 'EUR', 'KRW', 1544],
    ['ita', 'Per un dollaro servivano 1.418 won.', '1.418 won', 'USD', 'KRW', 1418],
    ['eng', 'Dollar climbs to 1,418 won', '1,418 won', 'USD', 'KRW', 1418],
  ] as const)('%s: %s', ([language, text, figure, base, quote, value]) => {
    const { rates, amounts } = money(text, language);
    const rate = rates.find((r) => r.text === figure);
    expect(rate, JSON.stringify(rates)).toBeDefined();
    expect(rate).toMatchObject({ base, quote });
    expect(rate!.value).toBeCloseTo(value, 6);
    // Neither the figure nor the base of the quote ("1 dollar", "100 yens") is money.
    expect(amounts.map((a) => a.text)).toEqual([]);
  });

  test('forward, official and dealer quotes name the rate: "NDF", "cours officiel", "cours acheteur"', () => {
    const levels = (text: string) => {
      const { rates, amounts } = money(text);
      expect(amounts).toEqual([]);
      return rates.map((r) => `${r.base}/${r.quote} ${r.text}`);
    };
    expect(levels("Le NDF à un mois s'est traité à 1 447 wons à New York.")).toEqual(['USD/KRW 1 447 wons']);
    expect(levels("Le cours officiel est de 1 435 wons, tandis qu'au marché noir il faut compter 1 470 wons.")).toEqual(['USD/KRW 1 435 wons', 'USD/KRW 1 470 wons']);
    expect(levels("L'écart entre le cours acheteur (1 420 wons) et le cours vendeur (1 370 wons) s'est creusé.")).toEqual(['USD/KRW 1 420 wons', 'USD/KRW 1 370 wons']);
  });

  test('a bare figure right after a quote, near it and with no other currency named between, is that pair again', () => {
    const { rates, amounts } = money("La contre-valeur d'un dollar est de 6,98 yuans et 1 460 wons, et il faut désormais 4,53 yuans pour 100 yens, contre 4,41 il y a un mois.");
    expect(amounts).toEqual([]);
    expect(rates.map((r) => `${r.base}/${r.quote} ${r.text} ${r.value.toFixed(3)}`)).toEqual(['USD/CNY 6,98 yuans 6.980', 'USD/KRW 1 460 wons 1460.000', 'CNY/JPY 4,53 yuans 22.075', 'CNY/JPY 4,41 22.676']);
  });

  test('a price "pièce" is money even where the text likens it to the rate', () => {
    const { rates, amounts } = money("Au marché de Myeongdong, le dollar se vendait 1 492 wons. Sur les étals, la pomme importée s'affichait à 1 490 wons pièce, « le prix du dollar », plaisante un grossiste.");
    expect(rates.map((r) => r.text)).toEqual(['1 492 wons']);
    expect(amounts.map((a) => `${a.text} ${a.per}`)).toEqual(['1 490 wons pièce']);
  });

  test('a clause after a semicolon may lead with its base, and that base is no figure: "; pour 1 euro, on obtenait …"', () => {
    const { rates, amounts } = money("L'euro, lui, s'achetait 1 615,3 wons ; pour 1 euro, on obtenait en outre 1,165 dollar et 172,3 yens.");
    expect(amounts).toEqual([]);
    expect(rates.map((r) => `${r.base}/${r.quote} ${r.text}`)).toEqual(['EUR/KRW 1 615,3 wons', 'EUR/USD 1,165 dollar', 'EUR/JPY 172,3 yens']);
  });

  test('a pair named a few words before its level: "la parité euro-dollar, passée de 1,15 à 1,16"; the subject before it does not price it', () => {
    const { rates } = money('Le dollar a cédé 9 wons, dans le sillage de la parité euro-dollar, passée de 1,15 à 1,16 en quinze jours.');
    expect(rates.map((r) => `${r.base}/${r.quote} ${r.text} ${r.value}`)).toEqual(['EUR/USD 1,15 1.15', 'EUR/USD 1,16 1.16']);
  });

  test('a thousand units of a small currency may be a base; a counter\'s buying price repeats the pair of its selling price', () => {
    const zurich = money('À Zurich, les guichets de change vendaient mardi 1 000 wons pour 0,59 franc et les rachetaient 0,51 franc.');
    expect(zurich.amounts).toEqual([]);
    expect(zurich.rates.map((r) => `${r.base}/${r.quote} ${r.text} ${r.value.toFixed(1)}`)).toEqual(['CHF/KRW 0,59 franc 1694.9', 'CHF/KRW 0,51 franc 1960.8']);
    const abidjan = money("À Abidjan, selon lui, 1 000 wons valent aujourd'hui environ 396 FCFA, contre près de 460 FCFA il y a deux ans.");
    expect(abidjan.amounts).toEqual([]);
    expect(abidjan.rates.map((r) => `${r.base}/${r.quote} ${r.text} ${r.value}`)).toEqual(['KRW/XOF 396 FCFA 0.396', 'KRW/XOF 460 FCFA 0.46']);
    // A thousand units of a currency bought for a price in another is money.
    expect(money('Le magasin vendait 1 000 wons de bonbons pour 2 dollars.').amounts.map((a) => a.text)).toEqual(['1 000 wons', '2 dollars']);
  });

  test('a pronoun for the currency named before it, and its verb, make a quote: "elle a reculé jusqu\'à 1,0410 dollar"', () => {
    const levels = (text: string) => {
      const { rates, amounts } = money(text);
      expect(amounts).toEqual([]);
      return rates.map((r) => `${r.base}/${r.quote} ${r.text}`);
    };
    expect(levels("La livre sterling a chuté mardi. En séance, elle a reculé jusqu'à 1,0410 dollar.")).toEqual(['GBP/USD 1,0410 dollar']);
    expect(levels('Le dollar canadien a beaucoup varié. Son record absolu est de 104,5 cents US.')).toEqual(['USD/CAD 104,5 cents US']);
    expect(levels("L'euro reste loin de son record de 2008, lorsqu'il avait culminé à près de 1,60 dollar.")).toEqual(['EUR/USD 1,60 dollar']);
    // The pronoun of a sentence about money is no currency's.
    expect(money('Samsung a investi 5 milliards de dollars. Il a vendu ses puces à 1 400 wons pièce.').rates).toEqual([]);
  });

  test('bank buying and selling rates ("taux d\'achat", "cours de vente") are quotes; a price per kilo stays money', () => {
    const { rates, amounts } = money("À Addis-Abeba, la Zemen Bank affichait un taux d'achat de 161,4 birr, contre 159,8 birr chez Dashen.");
    expect(amounts).toEqual([]);
    expect(rates.map((r) => `${r.base}/${r.quote} ${r.text}`)).toEqual(['USD/ETB 161,4 birr', 'USD/ETB 159,8 birr']);
    expect(money('Sur le marché parallèle, le riz se vend 1 500 nairas le kilo.').amounts.map((a) => a.text)).toEqual(['1 500 nairas']);
  });

  test('a clause after a conjunction may lead with its own base: "… et pour avoir 1 000 F CFA il faut débourser …"', () => {
    const { rates, amounts } = money('Au marché de Kumasi, pour avoir 1 dollar américain, il faut débourser 12,50 GH¢ et pour avoir 1 000 F CFA il faut débourser 21,40 GH¢.');
    expect(amounts).toEqual([]);
    expect(rates.map((r) => `${r.base}/${r.quote} ${r.text}`)).toEqual(['USD/GHS 12,50 GH¢', 'GHS/XOF 21,40 GH¢']);
  });

  test('a base of ten units after a conjunction opens its own quote: "… et les 10 dirhams marocains valent 3,1 dinars"', () => {
    const { rates, amounts } = money("À Tunis, un euro vaut 3,3 dinars. Les 1000 yens s'échangent contre 21,5 dinars et les 10 dirhams marocains valent 3,1 dinars.");
    expect(amounts).toEqual([]);
    expect(rates.map((r) => `${r.base}/${r.quote} ${r.text} ${r.value}`)).toEqual(['EUR/TND 3,3 dinars 3.3', 'JPY/TND 21,5 dinars 0.0215', 'MAD/TND 3,1 dinars 0.31']);
  });

  test('a date is no level: "(cours du 11/4/2022)"', () => {
    expect(money('À Tunis, un dollar vaut 2,98 TND (cours du 11/4/2022).').rates.map((r) => r.text)).toEqual(['2,98 TND']);
  });

  test('a move of the huard is no money, and a fraction is no level', () => {
    expect(money('Depuis janvier, le huard a gagné environ 9 cents US.').amounts).toEqual([]);
    const close = money("Le huard a clôturé à 1,0120 $ US, soit un gain d'environ 2/3 de cent.");
    expect(close.rates.map((r) => r.text)).toEqual(['1,0120 $ US']);
  });

  test('"chaque baisse de 10 wons du cours des 100 yens": a change and the unit it is for, neither money', () => {
    expect(money("Selon Kiwoom, chaque baisse de 10 wons du cours des 100 yens ampute son résultat annuel d'environ 7 milliards de wons.").amounts.map((a) => a.text)).toEqual(['7 milliards de wons']);
  });

  test('"90 pour l\'euro et 84 pour le dollar": a base after "pour" and its article', () => {
    const { rates } = money("Hier, il fallait 105 roubles pour un euro et 98 pour un dollar ; en mai, on comptait respectivement 90 pour l'euro et 84 pour le dollar.");
    expect(rates.map((r) => `${r.base}/${r.quote} ${r.text}`)).toEqual(['EUR/RUB 105 roubles', 'USD/RUB 98', 'EUR/RUB 90', 'USD/RUB 84']);
    expect(money('Il a payé 30 dollars pour la chambre.').amounts.map((a) => a.text)).toEqual(['30 dollars']);
  });

  test('a market table: "Dollar : 1 402,1 wons", "Yen (100) : 932,8 wons"', () => {
    const table = money('Changes à la clôture.\nDollar : 1 409,3 wons (+3,2)\nEuro : 1 533,8 wons (-1,1)\nYen (100) : 941,6 wons');
    expect(table.rates.map((r) => `${r.base}/${r.quote} ${r.text}`)).toEqual(['USD/KRW 1 409,3 wons', 'EUR/KRW 1 533,8 wons', 'JPY/KRW 941,6 wons']);
    expect(table.amounts).toEqual([]);
    // A label that is not the currency alone is no table row.
    expect(money('Prix du billet en dollars : 1 402 wons.').amounts.map((a) => a.text)).toEqual(['1 402 wons']);
  });

  test('"le cours de 1 402 wons", "le cours pivot à 1 402 KRW", "1 400 wons : le seuil…": levels', () => {
    expect(money('Le cours de 1 402 wons reste élevé.').amounts.map((a) => a.text)).toEqual([]);
    expect(money('La Banque de Corée a fixé le cours pivot à 1 402 KRW.').amounts.map((a) => a.text)).toEqual([]);
    expect(money('1 400 wons : le seuil qui inquiète Séoul').amounts.map((a) => a.text)).toEqual([]);
    expect(money("Le cours de l'action a atteint 54 000 wons.").amounts.map((a) => a.text)).toEqual(['54 000 wons']);
  });

  test('a level repeated after a quote: a given name is no currency, the range after it is levels too, bare cents are the quote\'s', () => {
    const budget = money(
      "Le ministère a retenu une hypothèse de 1 385 wons pour un dollar. Il a calé ses dépenses en euros sur une parité de 1 € = 1,17 $. « Nous avons retenu 1 385 wons, un niveau prudent au regard des prévisions, qui vont de 1 345 à 1 425 wons », a déclaré le vice-ministre Kim Dong-ju.",
    );
    expect(budget.amounts).toEqual([]);
    expect(budget.rates.map((r) => `${r.base}/${r.quote} ${r.text}`)).toEqual([
      'USD/KRW 1 385 wons',
      'EUR/USD 1,17 $',
      'USD/KRW 1 385 wons',
      'USD/KRW 1 345',
      'USD/KRW 1 425 wons',
    ]);
    const loonie = money("Ottawa versera 1,2 G$ à l'usine. « Sur la base d'un huard à 71 cents US, le budget tenait. À 74 cents, il faudra couper », a-t-il dit.");
    expect(loonie.amounts.map((a) => a.text)).toEqual(['1,2 G$']);
    expect(loonie.rates.map((r) => `${r.base}/${r.quote} ${r.text}`)).toEqual(['USD/CAD 71 cents US', 'USD/CAD 74 cents']);
  });

  test('in an article that names the North Korean won, market quotes no South Korean won could be are in it', () => {
    const { rates, amounts } = money(
      "À Pyongyang, un dollar américain s'est échangé jeudi contre 36 400 wons nord-coréens. Le dollar à 36 400 wons : le niveau a presque quintuplé depuis 2020. Un kilo de riz coûte 6 100 wons.",
    );
    expect(rates.map((r) => `${r.base}/${r.quote} ${r.text}`)).toEqual(['USD/KPW 36 400 wons nord-coréens', 'USD/KPW 36 400 wons']);
    // A price stays money, in the North Korean won: the paragraph names Pyongyang and no place in the South.
    expect(amounts.map((a) => `${a.text} ${a.currency}`)).toEqual(['6 100 wons KPW']);
    // Without the North Korean won named, a figure no won could be is left as money.
    expect(money('Le dollar à 36 400 wons : du jamais-vu.').rates).toEqual([]);
  });

  test('an article about North Korea that never names its won: quotes no South Korean won could be are in it', () => {
    const { rates, amounts } = money("Sur les marchés de Pyongyang, un dollar s'échange désormais contre 38 000 wons, selon Daily NK. Le riz se vend 13 500 wons le kilo.");
    expect(rates.map((r) => `${r.base}/${r.quote} ${r.text}`)).toEqual(['USD/KPW 38 000 wons']);
    expect(amounts.map((a) => `${a.text} ${a.currency}`)).toEqual(['13 500 wons KPW']);
  });

  test('bare wons are North Korean only in a paragraph that names the North and not the South, and only without a scale word', () => {
    const text = [
      "Le riz se vendait 13 500 wons le kilo à Pyongyang, et un ouvrier gagne environ 45 000 wons par mois.",
      "Séoul a proposé une aide de 10 milliards de wons, et le ministère de l'Unification évalue chaque colis à 50 000 wons.",
      'La Corée du Nord a rejeté les 20 milliards de wons proposés.',
    ].join('\n');
    expect(money(text).amounts.map((a) => `${a.text} ${a.currency}`)).toEqual([
      '13 500 wons KPW',
      '45 000 wons KPW',
      '10 milliards de wons KRW',
      '50 000 wons KRW',
      '20 milliards de wons KRW',
    ]);
  });

  test('the low end of a range in US cents is in cents too', () => {
    const { rates, amounts } = money("Ottawa versera 1,2 G$ à l'usine de Windsor. Desjardins voit la devise canadienne évoluer entre 71 et 75 cents US d'ici l'été.");
    expect(amounts.map((a) => a.text)).toEqual(['1,2 G$']);
    expect(rates.map((r) => `${r.base}/${r.quote} ${r.text} ${r.value.toFixed(4)}`)).toEqual(['USD/CAD 71 1.4085', 'USD/CAD 75 cents US 1.3333']);
  });

  test('"100 wons (environ 7 centimes d\'euro)": an equivalent in brackets is a pair, not a quote', () => {
    const { amounts, pairs, rates } = money("La plus petite pièce courante est de 100 wons (environ 7 centimes d'euro).");
    expect(rates).toEqual([]);
    expect(amounts.map((a) => a.text)).toEqual(['100 wons', '7 centimes']);
    expect(pairs).toHaveLength(1);
  });

  test('fuel prices near the level of the won-dollar rate stay money, cue of a level or not', () => {
    const { amounts, rates, pairs } = money(
      "Le prix moyen du litre d'essence a franchi la barre des 1 712 wons à Séoul, soit environ 1,2 euro. Le tarif moyen a atteint 1 688,4 wons dans le reste du pays.",
    );
    expect(rates).toEqual([]);
    expect(amounts.map((a) => a.text)).toEqual(['1 712 wons', '1,2 euro', '1 688,4 wons']);
    expect(pairs).toHaveLength(1);
    // The price of the dollar is a rate.
    expect(money('Le prix du dollar a atteint 1 402 wons.').rates.map((r) => r.text)).toEqual(['1 402 wons']);
  });

  test('a token priced per unit in a clause of its own stays money', () => {
    expect(money("Le tether, un jeton adossé au dollar, se négociait 1 421 wons l'unité sur Upbit.").amounts.map((a) => a.text)).toEqual(['1 421 wons']);
  });

  test('a price of a pound of beef, a share worth so many won: not quotes', () => {
    expect(money('A pound of beef costs $5 in Seoul.', 'eng').amounts.map((a) => a.text)).toEqual(['$5']);
    expect(money('Une livre de bœuf coûte 5 dollars à Séoul.').amounts.map((a) => a.text)).toEqual(['5 dollars']);
    expect(money('Die Aktie war zuletzt 1.530 Won wert.', 'deu').amounts.map((a) => a.text)).toEqual(['1.530 Won']);
    expect(money('삼성전자는 1,530원에 거래됐다.', 'kor').amounts.map((a) => a.text)).toEqual(['1,530원']);
    // The euro's own figure is the base of the next one.
    expect(money('유로화는 1유로에 1.061달러 선에서 거래됐다.', 'kor').rates.map((r) => `${r.base}/${r.quote} ${r.text}`)).toEqual(['EUR/USD 1.061달러']);
  });

  test('a quote in the reverse of market convention is inverted', () => {
    const { rates } = money('Un won valait 0,0007 dollar.');
    expect(rates[0]).toMatchObject({ base: 'USD', quote: 'KRW' });
    expect(rates[0]!.value).toBeCloseTo(1428.571, 2);
  });
});

describe('rate changes are neither money nor rates', () => {
  test.for([
    ['fra', 'Un dollar valait 1 474,60 wons, en hausse de 18,40 wons par rapport à la veille.'],
    ['fra', "L'euro s'achetait 1 608,45 wons (-3,10 wons)."],
    ['fra', 'Le won a gagné 22 wons par rapport à vendredi, à 1 430 wons face au dollar.'],
    ['eng', 'The local currency closed at 1,406.3 won per dollar, down 7.4 won from the previous session.'],
    ['spa', 'El dólar cerró a 1.467,5 wones, 11,3 wones más que el viernes.'],
    ['deu', 'Zum Handelsschluss kostete ein US-Dollar 1.382,6 Won, das waren 6,4 Won weniger als am Vortag.'],
    ['ita', 'Il won ha chiuso a 1.379,8 per dollaro, rafforzandosi di 5,7 won nella settimana.'],
    ['kor', '원·달러 환율은 전날보다 5.3원 오른 1,438.7원에 마감했다.'],
    ['kor', '원·달러 환율은 1,503.2원에 거래되고 있다. 전날 보다 22원 하락한 수치다.'],
    // Argentine market copy: the move in pesos, after a verb, a noun, or its percentage.
    ['spa', 'El dólar blue cerró a $1.485 para la venta. El billete paralelo aumentó $20 en la jornada.'],
    ['spa', 'El dólar blue cerró a $1.485 para la venta y acumuló en la semana un avance de $35.'],
    ['spa', 'El dólar oficial cerró a $1.410 para la venta, con un descenso del 1,85 % ($26,60) en el mes.'],
  ] as const)('%s: %s', ([language, text]) => {
    const { rates, amounts } = money(text, language);
    expect(amounts.map((a) => a.text)).toEqual([]);
    expect(rates).toHaveLength(1);
  });
});

describe('money near the exchange rate stays money', () => {
  test('scaled amounts in a sentence about the rate are amounts', () => {
    const { amounts, rates } = money('Le won a reculé face au dollar, et la BOK a vendu 2 milliards de dollars de réserves.');
    expect(amounts.map((a) => a.text)).toEqual(['2 milliards de dollars']);
    expect(rates).toEqual([]);
  });

  test('a price per pound weight after a year stays money: "3,37 $ la livre pour la récolte 2025, soit 6 cents de plus"', () => {
    const { amounts } = money("Le prix du sirop a été fixé à 3,37 $ la livre pour la récolte 2025, soit 6 cents de plus la livre que l'an dernier.");
    expect(amounts.map((a) => a.text)).toEqual(['3,37 $', '6 cents']);
  });

  test('a move of the oil price after a sentence on the loonie is money, in US dollars: "le baril ayant gagné 88 cents US à 74,15 $"', () => {
    const { amounts } = money("Le huard s'est apprécié de 1,12 cent la semaine dernière. L'énergie a avancé de 2 %, le cours du baril ayant gagné 88 cents US à 74,15 $ à New York. Le dollar canadien vaut 95 cents US.");
    expect(amounts.map((a) => `${a.text} ${a.currency}`)).toEqual(['88 cents US USD', '74,15 $ USD']);
  });

  test('a price far from any rate is not a rate', () => {
    const { amounts } = money('Au taux de change actuel, un iPhone coûte 1 500 000 wons.');
    expect(amounts.map((a) => a.text)).toEqual(['1 500 000 wons']);
  });

  test('a Korean number glued to a counter counts something: "출범 2주년", "3개"', () => {
    const { rates } = money('유로가 출범 2주년을 맞아 강세로 출발했다. 유로는 외환시장에서 1.04달러에 거래됐다.', 'kor');
    expect(rates.map((r) => r.text)).toEqual(['1.04달러']);
  });

  test('a year or a time is not a rate figure', () => {
    const { rates } = money('Le won au plus bas depuis 2009 face au dollar.');
    expect(rates).toEqual([]);
    const english = money('The won-yen cross rate stood at 908.46 won per 100 yen as of 3:30 p.m.', 'eng');
    expect(english.rates.map((r) => r.text)).toEqual(['908.46 won']);
  });
});

describe('more ways wire copy quotes a rate', () => {
  const quotes = (text: string, language = 'fra') => {
    const { rates, amounts } = money(text, language);
    return { rates: rates.map((r) => `${r.base}/${r.quote} ${r.text}`), amounts: amounts.map((a) => a.text) };
  };

  test('a conversion rate right after a converted amount: "au cours de", "converted at"', () => {
    expect(quotes("Le contrat prévoit 410 millions de dollars (570 milliards de wons au cours de 1 390 wons) d'ici à mars.")).toEqual({
      rates: ['USD/KRW 1 390 wons'],
      amounts: ['410 millions de dollars', '570 milliards de wons'],
    });
    expect(quotes('The order is worth $410 million (570 billion won, converted at 1,390 won).', 'eng').rates).toEqual(['USD/KRW 1,390 won']);
    expect(quotes('El pedido vale 410 millones de dólares (570.000 millones de wones al cambio de 1.390 wones).', 'spa').rates).toEqual(['USD/KRW 1.390 wones']);
  });

  test('"au cours de" as a time phrase makes nothing a rate', () => {
    expect(quotes("Au cours de l'année, le prix du ticket de bus est passé à 1 400 wons.").amounts).toEqual(['1 400 wons']);
  });

  test('a subject priced after one word: "un dollar durablement au-dessus de 1 400 wons"', () => {
    expect(quotes("Le ministre a jugé qu'un dollar durablement au-dessus de 1 450 wons pèserait sur les importateurs.")).toEqual({ rates: ['USD/KRW 1 450 wons'], amounts: [] });
  });

  test('a level compared after a quote: "…, contre 1 300 l\'an passé"', () => {
    expect(quotes("Le plan retient 1 350 wons pour un dollar en 2026, contre 1 300 dans le plan de l'an passé.").rates).toEqual(['USD/KRW 1 350 wons', 'USD/KRW 1 300']);
  });

  test('a forecast range of the rate: "une fourchette de 1 350 à 1 430 wons"', () => {
    expect(quotes('Le dollar a terminé à 1 402 wons. Les cambistes retiennent une fourchette de 1 350 à 1 430 wons pour le trimestre.')).toEqual({
      rates: ['USD/KRW 1 402 wons', 'USD/KRW 1 350', 'USD/KRW 1 430 wons'],
      amounts: [],
    });
  });

  test('a move of the rate after a sentence about it is neither money nor a rate', () => {
    expect(quotes("Le won a fini à 1 455 pour un dollar. « Un mouvement de plus de 15 wons dans la journée nous ferait intervenir », a dit un responsable.")).toEqual({
      rates: ['USD/KRW 1 455'],
      amounts: [],
    });
    expect(quotes("Le dollar cotait 1 420 wons. Un écart de 30 wons sur le cours du billet vert changerait le résultat de 8 milliards de wons.")).toEqual({
      rates: ['USD/KRW 1 420 wons'],
      amounts: ['8 milliards de wons'],
    });
  });

  test('one subject, several quotes: "L\'euro … à 1,09 dollar, et s\'achetait 1 560 wons"', () => {
    expect(quotes("L'euro, soutenu par de bons chiffres allemands, tenait au-dessus de 1,09 dollar, à 1,0932 dollar, et s'achetait 1 562,5 wons à Séoul.").rates).toEqual([
      'EUR/USD 1,09 dollar',
      'EUR/USD 1,0932 dollar',
      'EUR/KRW 1 562,5 wons',
    ]);
    // A clause whose verb is left out has its own subject.
    expect(quotes("L'euro s'échangeait contre 1 580,2 wons et le dollar contre 1 402,6 wons.").rates).toEqual(['EUR/KRW 1 580,2 wons', 'USD/KRW 1 402,6 wons']);
  });

  test('"100 yens contre 957,4 wons": the hundred yen are the base of the figure after them', () => {
    expect(quotes("L'euro s'échangeait contre 1 611,2 wons et 100 yens contre 957,4 wons en fin de séance.")).toEqual({
      rates: ['EUR/KRW 1 611,2 wons', 'JPY/KRW 957,4 wons'],
      amounts: [],
    });
    expect(quotes('Les changeurs rachetaient 100 yens contre 931 wons.')).toEqual({ rates: ['JPY/KRW 931 wons'], amounts: [] });
  });

  test('in a Canadian paper, whose bare "$" is Canadian, the won and the yen are still quoted against the US dollar', () => {
    const { rates, amounts } = money(
      "Ottawa versera 1,2 G$ à l'usine de Windsor. Le huard a fini à 72,15 cents US. À Séoul, le won a clôturé à 1 452,6 pour un dollar. Le dollar canadien valait 1 048 wons.",
    );
    expect(amounts.map((a) => `${a.currency} ${a.text}`)).toEqual(['CAD 1,2 G$']);
    expect(rates.map((r) => `${r.base}/${r.quote} ${r.text}`)).toEqual(['USD/CAD 72,15 cents US', 'USD/KRW 1 452,6', 'CAD/KRW 1 048 wons']);
  });

  test('in a Canadian paper, a level after a quote of the Canadian dollar keeps its pair, whatever sums in "$" the sentence holds', () => {
    const { rates } = money(
      "Ottawa versera 1,2 G$ à l'usine. À Séoul, un dollar canadien valait 1 012,4 wons. « Sous les 1 000 wons, nos marges fondent », dit la directrice, qui a signé un contrat de 40 millions $.",
    );
    expect(rates.map((r) => `${r.base}/${r.quote} ${r.text}`)).toEqual(['CAD/KRW 1 012,4 wons', 'CAD/KRW 1 000 wons']);
  });

  test('what is priced in US cents is the Canadian dollar; a share in US cents stays money', () => {
    const { rates, amounts } = money('TORONTO — La Bourse a fini en hausse. La devise a clôturé à 72,86 cents US, après avoir glissé sous les 72 ¢US.');
    expect(amounts).toEqual([]);
    expect(rates.map((r) => `${r.base}/${r.quote} ${r.text}`)).toEqual(['USD/CAD 72,86 cents US', 'USD/CAD 72 ¢US']);
    expect(money("L'action a clôturé à 85 cents US à New York.").amounts.map((a) => a.text)).toEqual(['85 cents US']);
  });

  test('an appreciation of the won, a gap with the market rate: moves, not money', () => {
    expect(quotes('Son directeur financier, Ahn Min-ho, a ajouté qu’une appréciation de 50 wons de la monnaie sud-coréenne amputerait le bénéfice de 120 milliards de wons.').amounts).toEqual([
      '120 milliards de wons',
    ]);
    expect(quotes("Change à l'aéroport : jusqu'à 38 wons d'écart par dollar avec le cours du marché").amounts).toEqual([]);
  });

  test('a level the article quoted for one pair stays that pair after a sentence quoting another', () => {
    expect(
      quotes("Le dollar frôle les 1 475 wons. Le dollar a fini à 1 471,2 wons. L'euro valait 1 590,4 wons. Un passage au-dessus du seuil des 1 475 wons inquiète les importateurs.").rates,
    ).toEqual(['USD/KRW 1 475 wons', 'USD/KRW 1 471,2 wons', 'EUR/KRW 1 590,4 wons', 'USD/KRW 1 475 wons']);
  });
});

describe('thresholds and model numbers', () => {
  const quotes = (text: string, language = 'fra') => {
    const { rates, amounts } = money(text, language);
    return { rates: rates.map((r) => `${r.base}/${r.quote} ${r.text}`), amounts: amounts.map((a) => `${a.currency} ${a.text}`) };
  };

  test('a threshold fronted without its subject, in quotation marks, near a level the article quoted, is that pair', () => {
    const text =
      'Le dollar a terminé à 1 392,4 wons mardi. La compagnie a couvert 30 % de ses besoins en carburant. « Au-dessus de 1 420 wons, chaque trimestre nous coûte l’équivalent d’un Airbus 321 », a dit le directeur financier, qui prévoit des surcharges de 8 000 wons par billet.';
    const { rates, amounts } = quotes(text);
    expect(rates).toEqual(['USD/KRW 1 392,4 wons', 'USD/KRW 1 420 wons']);
    // The model number in the same sentence is not read as a rate either.
    expect(amounts).toEqual(['KRW 8 000 wons']);
  });

  test('in an article whose bare dollar is Canadian, the loonie quoted in cents is quoted in US cents', () => {
    const text = 'À Montréal, le budget du Québec prévoit 3,2 milliards $ pour Québec et Ottawa. Le huard valait 72 cents à Toronto. « Sous 70 cents, le huard redeviendrait une aubaine », a dit un courtier.';
    const { rates, amounts } = quotes(text);
    expect(rates).toEqual(['USD/CAD 72 cents', 'USD/CAD 70 cents']);
    expect(amounts).toEqual(['CAD 3,2 milliards $']);
    expect(money(text).rates.map((r) => r.value)).toEqual([1.38888888, 1.42857142]);
  });

  test('a fronted sum far from any quoted level stays money', () => {
    const { rates, amounts } = quotes('Le dollar a terminé à 1 392,4 wons. Les ventes ont progressé de 4 %. Au-delà de 500 milliards de wons, le plan serait revu.');
    expect(rates).toEqual(['USD/KRW 1 392,4 wons']);
    expect(amounts).toEqual(['KRW 500 milliards de wons']);
  });
});

describe('headlines, market lists and prices by weight', () => {
  const quotes = (text: string, language = 'fra') => {
    const { rates, amounts } = money(text, language);
    return { rates: rates.map((r) => `${r.base}/${r.quote} ${r.text}`), amounts: amounts.map((a) => `${a.currency} ${a.text}`) };
  };

  test('a qualifier between the level word and the figure: "un dollar à plus de 1 460 wons"', () => {
    expect(quotes('Importateurs : un dollar à plus de 1 455 wons rogne les marges du trimestre.')).toEqual({ rates: ['USD/KRW 1 455 wons'], amounts: [] });
  });

  test('a level put first, its currency after the comma', () => {
    expect(quotes('Montres : à 1 742 wons, le franc pèse sur les ventes à Séoul.').rates).toEqual(['CHF/KRW 1 742 wons']);
    expect(quotes('At 1,455 won, the dollar squeezes importers.', 'eng').rates).toEqual(['USD/KRW 1,455 won']);
    // A price put first is a price.
    expect(quotes('À 4 500 wons, le café reste cher.').amounts).toEqual(['KRW 4 500 wons']);
  });

  test('a market list of pairs written with a slash', () => {
    expect(quotes('Repères à la clôture : euro/dollar 1,1688 ; dollar/yen 147,02 ; livre/dollar 1,3511 ; won/dollar 1 371,5 ; Brent 69,10 dollars le baril.')).toEqual({
      rates: ['EUR/USD 1,1688', 'USD/JPY 147,02', 'GBP/USD 1,3511', 'USD/KRW 1 371,5'],
      amounts: ['USD 69,10 dollars'],
    });
  });

  test('a price per pound of weight is a price, not sterling', () => {
    const syrup = quotes("Le sirop d'érable en vrac se vend 3,20 $ CA la livre au Québec, où le huard vaut 0,72 $ US.");
    expect(syrup.amounts).toEqual(['CAD 3,20 $ CA']);
    expect(syrup.rates.some((r) => r.startsWith('GBP'))).toBe(false);
    expect(quotes('À Londres, 1 905 wons la livre : la devise britannique reste chère.').rates).toEqual(['GBP/KRW 1 905 wons']);
  });
});

describe('quotes as African, Maghreb and Latin American copy writes them', () => {
  const quotes = (text: string, language = 'fra') => {
    const { rates, amounts } = money(text, language);
    return { rates: rates.map((r) => `${r.base}/${r.quote} ${r.text} ${Number(r.value.toFixed(4))}`), amounts: amounts.map((a) => a.text) };
  };

  test('a level the currency has had since 2000 is plausible: the naira at 330 per dollar, the real at 1,7', () => {
    expect(quotes('Le gouvernement maintient un taux légal de 330 nairas le dollar.')).toEqual({ rates: ['USD/NGN 330 nairas 330'], amounts: [] });
    expect(quotes("La devise brésilienne s'est raffermie face au dollar, qui ne vaut plus que 1,7 real.")).toEqual({ rates: ['USD/BRL 1,7 real 1.7'], amounts: [] });
  });

  test('a rate written with a slash: "1 320 N/1 $", "13,40 Ghana Cedi / 1 dollar américain"', () => {
    expect(quotes("Le naira recule encore. Il s'échangeait hier à 1 320 N/1 $ au marché parallèle.")).toEqual({ rates: ['USD/NGN 1 320 1320'], amounts: [] });
    expect(quotes('À Kumasi, la parité affichée est de 13,40 Ghana Cedi / 1 dollar américain.')).toEqual({ rates: ['USD/GHS 13,40 Ghana Cedi 13.4'], amounts: [] });
    // A fraction and a price per kilo stay what they are.
    expect(quotes('Le sac de riz se vend 12 $/kg, soit 2/3 du prix de 2020.')).toEqual({ rates: [], amounts: ['12 $'] });
  });

  test('the other end of a range of rates is near it, and a name shared alike is read by the level', () => {
    expect(quotes("Entre 10,41 et 11,62 dirhams pour un euro selon les guichets, l'écart surprend.")).toEqual({ rates: ['EUR/MAD 10,41 10.41', 'EUR/MAD 11,62 dirhams 11.62'], amounts: [] });
    expect(quotes('En 1998, le real est passé de 1,16 à 1,89 real par dollar.')).toEqual({ rates: ['USD/BRL 1,16 1.16', 'USD/BRL 1,89 real 1.89'], amounts: [] });
  });

  test('"son creux", "le cours", "cette devise": the currency named before', () => {
    expect(quotes("Le huard a fléchi. Son creux de l'année, touché en mars, est de 68,4 cents US.")).toEqual({ rates: ['USD/CAD 68,4 cents US 1.462'], amounts: [] });
    expect(quotes('La livre a reculé lundi. Mardi, le cours a rebondi à 1,14 euro.')).toEqual({ rates: ['EUR/GBP 1,14 euro 0.8772'], amounts: [] });
    // "le cours du baril" is the oil price.
    expect(quotes('La livre a reculé lundi. Mardi, le cours du baril a rebondi à 78 dollars.')).toEqual({ rates: [], amounts: ['78 dollars'] });
    expect(quotes("L'ariary faiblit face à l'euro. Jeudi, cette devise européenne se négociait à 5 012,4 ariary.")).toEqual({ rates: ['EUR/MGA 5 012,4 ariary 5012.4'], amounts: [] });
  });

  test('a counter\'s two sides share the base after them: "24 100 dinars à la vente et 23 900 dinars à l\'achat pour 100 dollars"', () => {
    expect(quotes("Au Square, le dollar atteint 24 100 dinars à la vente et 23 900 dinars à l'achat pour 100 dollars.")).toEqual({ rates: ['USD/DZD 24 100 dinars 241', 'USD/DZD 23 900 dinars 239'], amounts: [] });
    // Two prices of goods joined the same way stay money.
    expect(quotes('Le café coûte 2 300 dinars et le thé 2 200 dinars pour 100 grammes.')).toEqual({ rates: [], amounts: ['2 300 dinars', '2 200 dinars'] });
  });

  test('after a quote per hundred, the next currency may be quoted per hundred too; "fg" is the Guinean franc', () => {
    expect(quotes("Au marché noir, 100 dollars se négocient à 862 000 Fg. L'euro, lui, est à 934 000 Fg.")).toEqual({ rates: ['USD/GNF 862 000 Fg 8620', 'EUR/GNF 934 000 Fg 9340'], amounts: [] });
    expect(quotes('À Kankan, 1 dollar est égal à 8 620 fg.')).toEqual({ rates: ['USD/GNF 8 620 fg 8620'], amounts: [] });
  });

  test('"livres" are the Turkish, Egyptian or Lebanese pound where the article is about that country, scale word or not', () => {
    expect(quotes("À Ankara, la monnaie turque s'échangeait mercredi au-delà de 19 livres pour un dollar, contre 18,4 livres pour un dollar en décembre.")).toEqual({ rates: ['USD/TRY 19 livres 19', 'USD/TRY 18,4 livres 18.4'], amounts: [] });
    expect(quotes("Au Caire, au marché noir, la livre s'échange aux alentours de 41 pour un dollar.")).toEqual({ rates: ['USD/EGP 41 41'], amounts: [] });
    expect(quotes('La Banque du Liban a relevé le taux de Sayrafa. Vendredi, il a été relevé à 86.000 LL contre le dollar.')).toEqual({ rates: ['USD/LBP 86.000 LL 86000'], amounts: [] });
    // Sterling where the article is British; a pound of beef is no money.
    expect(quotes('À Londres, la livre a reculé face au dollar, à 1,27 dollar, et les Britanniques ont dépensé 3 milliards de livres.')).toEqual({ rates: ['GBP/USD 1,27 dollar 1.27'], amounts: ['3 milliards de livres'] });
    expect(quotes('Le boucher de Toronto vend 2 livres de bœuf pour un dollar de moins.')).toEqual({ rates: [], amounts: [] });
  });

  test('"Rs" is a rupee; "la devise libyenne", "$ canadien"; "se vend à" is a rate verb', () => {
    expect(quotes('La Banque de Maurice a vendu 25 millions de dollars à un taux de Rs 45,10 le dollar.')).toEqual({ rates: ['USD/MUR Rs 45,10 45.1'], amounts: ['25 millions de dollars'] });
    expect(quotes("À Tripoli, la devise libyenne coûtait 1,29 dinar tunisien à l'achat.")).toEqual({ rates: ['LYD/TND 1,29 dinar tunisien 1.29'], amounts: [] });
    expect(quotes('Un dollar américain se vend à plus de 2 400 francs burundais au marché noir de Bujumbura.')).toEqual({ rates: ['USD/BIF 2 400 francs burundais 2400'], amounts: [] });
    expect(quotes('Pour un séjour à Londres, on a besoin de 1,82 $ canadien pour acheter une livre sterling.')).toEqual({ rates: ['GBP/CAD 1,82 $ canadien 1.82'], amounts: [] });
  });

  test('a bare figure read the other way round, repeated in brackets, is no division by zero', () => {
    expect(quotes('Die EZB setzte den Referenzkurs fest. Der Dollar kostete damit 0,7031 (0,7039) Euro.', 'deu').rates).toEqual(['EUR/USD 0,7031 1.4223', 'EUR/USD 0,7039 1.4207']);
  });

  test('in Latin American copy "$" is the peso of the country named; "la TRM" is the Colombian reference rate', () => {
    expect(quotes('El salario mínimo en Colombia subirá a $1.423.500 mensuales en 2025.', 'spa').amounts).toEqual(['$1.423.500']);
    expect(money('El salario mínimo en Colombia subirá a $1.423.500 mensuales en 2025.', 'spa').amounts[0]!.currency).toBe('COP');
    expect(quotes('En Colombia, la deuda equivalía con una TRM de $4.151 a $731 billones.', 'spa')).toEqual({ rates: ['USD/COP $4.151 4151'], amounts: ['$731 billones'] });
  });

  test('an Argentine counter: "a $1.385 para la compra y a $1.435 para la venta"', () => {
    expect(quotes('En el Banco Nación, el dólar oficial cerró a $1.385 para la compra y a $1.435 para la venta.', 'spa')).toEqual({ rates: ['USD/ARS $1.385 1385', 'USD/ARS $1.435 1435'], amounts: [] });
  });
});
