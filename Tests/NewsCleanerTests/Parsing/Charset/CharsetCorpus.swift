/// Self-written news prose per language, for detection and decoding tests.
/// Each language has one ~300-character paragraph and a dozen further sentences on varied topics,
/// combined into 20 paragraphs of different lengths for the accuracy measurement.
enum CharsetCorpus {
    /// One language sample: the charset it is encoded in for the tests and its texts.
    struct Language: Sendable {
        /// Canonical charset the detector should answer.
        let charset: String
        /// iconv name used to encode the test bytes.
        let encodeWith: String
        /// A realistic ~300-character news paragraph.
        let paragraph: String
        /// Further sentences, combined into varied paragraphs.
        let sentences: [String]
    }

    /// Japanese: politics and economy.
    static let japaneseParagraph = "政府は十五日、首相官邸で経済対策に関する関係閣僚会議を開き、物価高への対応として総額二十兆円規模の追加予算案をまとめた。首相は会議の冒頭で「国民の暮らしを守るため、あらゆる手段を講じる」と述べ、電気やガス料金の負担軽減策を来年三月まで延長する方針を示した。野党側は財源の裏付けが不十分だと批判しており、国会での審議は難航する見通しだ。専門家の間では、賃金の伸びが物価の上昇に追いつかない状況が続けば、個人消費が一段と冷え込むとの懸念も出ている。日本銀行は来週の金融政策決定会合で、現在の大規模な金融緩和を維持するかどうかを議論する予定で、市場関係者の注目が集まっている。"

    /// Japanese: weather, schools, crime, sport, health, tourism, industry, science, media, towns, culture, courts.
    static let japaneseSentences = [
        "気象庁によると、大型の台風十号は二十日夜にも九州南部に上陸するおそれがあり、厳重な警戒が必要だ。",
        "東京都内の小学校では、夏休み明けの登校日に合わせて熱中症対策の講習会が開かれた。",
        "警察は、高齢の女性から現金をだまし取ったとして、自称会社員の男を詐欺の疑いで逮捕した。",
        "プロ野球のセ・リーグは、首位のチームが延長戦の末にサヨナラ勝ちし、優勝へのマジックを一つ減らした。",
        "新しい研究によれば、毎日三十分ほど歩くだけで、心臓の病気になる危険が大きく下がるという。",
        "地元の商店街では、外国人観光客の増加を受けて、英語や中国語で書かれた案内板の設置が進んでいる。",
        "大手自動車メーカーは、電気自動車の新しい工場を建設すると発表し、約三千人の雇用を見込んでいる。",
        "今年のノーベル賞の発表を前に、日本人研究者の受賞を期待する声が高まっている。",
        "政府の調査では、若い世代ほど新聞を読まず、ニュースをスマートフォンで確認する人が多いことが分かった。",
        "この町では、人口の減少に歯止めをかけるため、移住してきた家族に住宅の費用を補助する制度を始めた。",
        "コンサートの会場には、朝早くから多くのファンが集まり、長い列ができた。",
        "裁判所は、被告の男に懲役五年の判決を言い渡し、弁護側は控訴する方針を明らかにした。",
    ]

    /// Simplified Chinese: economic statistics.
    static let simplifiedParagraph = "新华社北京十月十五日电 国家统计局今天发布数据显示，今年前三季度国内生产总值同比增长百分之五点二，经济运行总体保持恢复向好态势。国家统计局新闻发言人在国务院新闻办公室举行的新闻发布会上表示，前三季度消费对经济增长的贡献率明显提高，服务业生产指数稳步回升，就业形势总体稳定。他同时指出，当前外部环境依然复杂严峻，国内需求仍显不足，部分企业生产经营困难较多，推动经济持续回升向好仍需付出艰苦努力。有关专家认为，随着一系列稳增长政策措施落地见效，第四季度经济有望继续保持平稳增长，全年预期目标能够顺利实现。"

    /// Simplified Chinese: the same spread of topics.
    static let simplifiedSentences = [
        "据中国气象局消息，今年第十号台风预计将于明天夜间在广东沿海登陆，有关部门已启动应急响应。",
        "上海市教育委员会近日发布通知，要求各中小学进一步减轻学生课业负担，保证学生每天一小时体育活动。",
        "警方表示，犯罪嫌疑人通过网络冒充客服人员，骗取多名老年人的钱款，目前案件正在进一步调查中。",
        "在昨晚进行的足球联赛中，主队凭借下半场的两个进球，以二比一战胜了来访的对手。",
        "研究人员发现，每天坚持步行三十分钟，可以明显降低患心脏病的风险。",
        "随着外国游客人数不断增加，当地商家纷纷推出多语种服务，受到游客欢迎。",
        "这家汽车企业宣布将投资建设新的电动汽车工厂，预计可以提供三千个就业岗位。",
        "今年的诺贝尔奖即将揭晓，不少科学家对中国学者获奖充满期待。",
        "调查显示，年轻人越来越多地通过手机获取新闻，阅读纸质报纸的人数持续下降。",
        "为了吸引人才，这座城市出台了新的住房补贴政策，对符合条件的家庭给予资助。",
        "演唱会开始前，体育场外已经排起了长队，许多歌迷从外地专程赶来。",
        "法院一审判处被告人有期徒刑五年，被告人当庭表示将提起上诉。",
    ]

    /// Traditional Chinese: the budget.
    static let traditionalParagraph = "中央社記者台北十五日電 行政院今天召開院會，通過明年度中央政府總預算案，歲出規模達新台幣二兆八千億元，創下歷史新高。行政院長在會中表示，政府將持續加強國防、社會福利與基礎建設的投資，並推動產業轉型與淨零排放政策，以因應國際經濟情勢的變化。主計總處官員指出，明年度經濟成長率預估為百分之三點二，稅收可望維持穩定成長，但仍須審慎控管債務規模。在野黨立法委員則批評，預算案中部分計畫缺乏具體成效評估，將在立法院審查時要求相關部會詳細說明。專家認為，如何在財政紀律與經濟發展之間取得平衡，是政府面臨的重要課題。"

    /// Traditional Chinese: the same spread of topics.
    static let traditionalSentences = [
        "中央氣象署表示，颱風預計明天清晨在東部海岸登陸，各地應嚴加防範強風豪雨。",
        "台北市教育局日前宣布，將補助國中小學生參加課後輔導，以減輕家長的經濟負擔。",
        "警方指出，詐騙集團假冒銀行人員，以電話騙取多名長者的存款，案件仍在偵辦中。",
        "在昨晚舉行的職棒比賽中，主場球隊在第九局擊出再見安打，以三比二贏得勝利。",
        "研究人員發現，每天快走三十分鐘，能夠有效降低罹患心臟疾病的風險。",
        "隨著國際觀光客人數增加，夜市攤商紛紛提供多國語言的菜單，受到遊客歡迎。",
        "這家科技公司宣布將在南部投資興建新的晶圓廠，預計創造三千個工作機會。",
        "今年諾貝爾獎即將揭曉，許多學者期待台灣研究人員能夠獲得肯定。",
        "調查顯示，年輕世代越來越習慣透過手機閱讀新聞，購買報紙的人數逐年下降。",
        "為了吸引年輕家庭移居，縣政府推出新的購屋補助方案，符合資格者可以申請。",
        "演唱會開始前，會場外已經排起長長的人龍，許多歌迷從外縣市專程前來。",
        "法院一審判處被告有期徒刑五年，被告當庭表示將提起上訴。",
    ]

    /// Korean: the budget.
    static let koreanParagraph = "정부는 15일 서울 정부종합청사에서 국무회의를 열고 내년도 예산안을 의결했다. 내년 예산은 올해보다 2.8% 늘어난 656조 원 규모로, 경기 회복과 민생 안정에 중점을 두었다고 기획재정부는 밝혔다. 대통령은 회의에서 \"어려운 경제 상황 속에서도 취약계층에 대한 지원은 흔들림 없이 이어가야 한다\"고 강조했다. 야당은 그러나 세수 감소가 예상되는 상황에서 재정 건전성에 대한 대책이 부족하다며 국회 심사 과정에서 꼼꼼히 따지겠다고 밝혔다. 전문가들은 고금리와 수출 부진이 계속되는 가운데 내수를 살리기 위한 정책이 시급하다고 지적했다."

    /// Korean: the same spread of topics.
    static let koreanSentences = [
        "기상청은 제10호 태풍이 내일 밤 남해안에 상륙할 것으로 예상된다며 피해가 없도록 대비해 달라고 당부했다.",
        "서울시교육청은 다음 달부터 초등학생을 대상으로 방과 후 돌봄 교실을 확대 운영한다고 밝혔다.",
        "경찰은 노인들에게 전화를 걸어 돈을 가로챈 혐의로 30대 남성을 구속했다고 전했다.",
        "어젯밤 열린 프로야구 경기에서 홈팀이 연장 끝에 끝내기 안타로 승리를 거뒀다.",
        "연구진은 매일 30분씩 걷기만 해도 심장 질환에 걸릴 위험이 크게 줄어든다고 발표했다.",
        "외국인 관광객이 늘어나면서 전통시장 상인들도 외국어 안내판을 설치하고 있다.",
        "이 자동차 회사는 새로운 전기차 공장을 짓기로 했으며 약 3천 명의 일자리가 생길 것으로 보인다.",
        "올해 노벨상 발표를 앞두고 한국 과학자의 수상을 기대하는 목소리가 높아지고 있다.",
        "조사 결과 젊은 세대일수록 종이 신문 대신 스마트폰으로 뉴스를 보는 것으로 나타났다.",
        "이 지역은 인구 감소를 막기 위해 이사 온 가족에게 주택 비용을 지원하는 제도를 시작했다.",
        "공연이 시작되기 전부터 경기장 밖에는 많은 팬들이 길게 줄을 섰다.",
        "법원은 피고인에게 징역 5년을 선고했고 변호인은 항소하겠다는 뜻을 밝혔다.",
    ]

    /// French: pension reform (accents, ’, « », É).
    static let westernParagraph = "Le gouvernement a présenté mercredi un projet de loi destiné à réformer le système des retraites, une mesure très contestée par les syndicats. Selon le ministre de l’Économie, la réforme permettra d’économiser près de dix milliards d’euros d’ici à 2030. « Nous devons garantir l’avenir de notre modèle social », a-t-il déclaré lors d’une conférence de presse à Paris. Les opposants dénoncent une réforme injuste qui pénalisera les salariés les plus modestes et prévoient une grève générale la semaine prochaine."

    /// German, Spanish, Italian, Portuguese, French, English sentences with windows-1252 characters.
    static let westernSentences = [
        "Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen.",
        "Der Wetterdienst warnt vor starken Gewittern und Hagel im Süden des Landes, vor allem in Bayern.",
        "El presidente del Gobierno anunció el martes una subida del salario mínimo a partir de enero.",
        "La policía detuvo a un hombre acusado de estafar a varias personas mayores por teléfono.",
        "Il sindaco di Milano ha inaugurato ieri una nuova linea della metropolitana, attesa da più di dieci anni.",
        "O governo português aprovou um pacote de medidas para apoiar as famílias com a subida dos preços da habitação.",
        "Les chercheurs ont découvert qu’une marche quotidienne de trente minutes réduit nettement le risque de maladies cardiaques.",
        "Nach dem Spiel sagte der Trainer: „Wir haben heute verdient gewonnen, die Mannschaft war großartig.“",
        "The museum’s new wing, designed by a Danish architect, opens to the public on Saturday — admission is free.",
        "Le tribunal a condamné l’ancien maire à cinq ans de prison ferme pour corruption et détournement de fonds.",
        "Según el informe, el número de turistas extranjeros creció un 12 % en el primer semestre del año.",
        "Die Preise für Lebensmittel sind im Vergleich zum Vorjahr um fünf Prozent gestiegen, teilte das Statistikamt mit.",
    ]

    /// All languages with the charset they are encoded in.
    static let languages: [Language] = [
        Language(charset: "shift_jis", encodeWith: "CP932", paragraph: japaneseParagraph, sentences: japaneseSentences),
        Language(charset: "euc-jp", encodeWith: "EUC-JP", paragraph: japaneseParagraph, sentences: japaneseSentences),
        Language(charset: "gb18030", encodeWith: "GB2312", paragraph: simplifiedParagraph, sentences: simplifiedSentences),
        Language(charset: "big5", encodeWith: "BIG5", paragraph: traditionalParagraph, sentences: traditionalSentences),
        Language(charset: "euc-kr", encodeWith: "CP949", paragraph: koreanParagraph, sentences: koreanSentences),
        Language(charset: "windows-1252", encodeWith: "CP1252", paragraph: westernParagraph, sentences: westernSentences),
    ]

    /// Twenty paragraphs of one to three sentences (varied lengths, from one short sentence up).
    static func paragraphs(_ sentences: [String]) -> [String] {
        (0..<20).map { k in
            let count = 1 + k % 3
            return (0..<count).map { sentences[(k * 5 + $0 * 7) % sentences.count] }.joined(separator: count > 1 ? " " : "")
        }
    }
}
