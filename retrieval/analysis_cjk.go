package retrieval

import (
	"strings"
	"unicode/utf8"
)

// hanPairs maps common traditional characters to their simplified forms, so
// 支付寶 and 支付宝 are one term. Each field is "traditional simplified".
// Not exhaustive: frequent characters, and those of Chinese company and
// people names in the news.
const hanPairs = `
寶宝 螞蚂 蟻蚁 團团 馬马 雲云 趙赵 國国 騰腾 訊讯 貓猫 節节 動动 黃黄 勳勋 龔龚
愛爱 罷罢 備备 貝贝 筆笔 畢毕 邊边 賓宾 參参 倉仓 產产 長长 嘗尝 車车 齒齿 蟲虫
從从 竄窜 達达 帶带 單单 當当 黨党 東东 斷断 對对 隊队 爾尔 發发 髮发 豐丰 風风
婦妇 復复 複复 蓋盖 趕赶 個个 鞏巩 溝沟 構构 購购 穀谷 顧顾 颳刮 關关 觀观 櫃柜
漢汉 號号 轟轰 後后 護护 壺壶 滬沪 畫画 劃划 懷怀 壞坏 歡欢 環环 還还 會会 夥伙
獲获 穫获 擊击 雞鸡 積积 極极 際际 繼继 價价 艱艰 殲歼 薑姜 將将 漿浆 獎奖 講讲
醬酱 膠胶 階阶 潔洁 盡尽 緊紧 僅仅 進进 舊旧 舉举 劇剧 據据 懼惧 捲卷 覺觉 開开
殼壳 塊块 虧亏 睏困 蠟蜡 臘腊 來来 蘭兰 攔拦 欄栏 爛烂 勞劳 樂乐 類类 壘垒 離离
裡里 裏里 禮礼 麗丽 厲厉 勵励 歷历 曆历 隸隶 聯联 憐怜 煉炼 練练 糧粮 兩两 輛辆
療疗 遼辽 獵猎 臨临 鄰邻 嶺岭 廬庐 爐炉 陸陆 驢驴 亂乱 麼么 黴霉 夢梦 麵面 廟庙
滅灭 畝亩 惱恼 腦脑 擬拟 釀酿 盤盘 闢辟 蘋苹 憑凭 撲扑 僕仆 樸朴 啟启 氣气 簽签
遷迁 牆墙 槍枪 喬乔 橋桥 竊窃 親亲 寢寝 輕轻 慶庆 窮穷 區区 權权 勸劝 確确 讓让
擾扰 熱热 認认 榮荣 軟软 灑洒 傘伞 喪丧 掃扫 澀涩 殺杀 曬晒 傷伤 捨舍 攝摄 聖圣
勝胜 濕湿 實实 識识 時时 勢势 適适 釋释 壽寿 獸兽 書书 術术 樹树 帥帅 雙双 誰谁
稅税 順顺 說说 絲丝 鬆松 蘇苏 雖虽 隨随 歲岁 孫孙 態态 壇坛 歎叹 湯汤 燙烫 濤涛
體体 條条 鐵铁 聽听 廳厅 頭头 圖图 塗涂 襪袜 灣湾 萬万 網网 為为 偉伟 衛卫 穩稳
問问 烏乌 務务 霧雾 犧牺 習习 係系 繫系 戲戏 蝦虾 嚇吓 鹹咸 顯显 險险 縣县 獻献
鄉乡 響响 協协 寫写 瀉泻 謝谢 興兴 選选 學学 尋寻 壓压 鴉鸦 亞亚 嚴严 鹽盐 驗验
陽阳 養养 樣样 藥药 爺爷 葉叶 業业 頁页 醫医 儀仪 藝艺 億亿 憶忆 義义 議议 陰阴
銀银 飲饮 隱隐 應应 營营 擁拥 傭佣 湧涌 優优 憂忧 郵邮 魚鱼 與与 語语 獄狱 預预
園园 員员 圓圆 遠远 願愿 約约 躍跃 運运 韻韵 雜杂 災灾 載载 讚赞 贊赞 髒脏 鑿凿
棗枣 竈灶 澤泽 賊贼 贈赠 紮扎 齋斋 戰战 佔占 張张 漲涨 帳帐 賬账 脹胀 這这 針针
診诊 鎮镇 陣阵 爭争 徵征 證证 職职 執执 紙纸 製制 質质 鐘钟 種种 眾众 衆众 週周
晝昼 豬猪 燭烛 囑嘱 築筑 專专 磚砖 轉转 莊庄 裝装 樁桩 狀状 準准 濁浊 總总 縱纵
鑽钻 華华 門门 們们 間间 錢钱 買买 賣卖 貨货 資资 費费 貸贷 賺赚 賠赔 財财 負负
戶户 計计 記记 設设 訂订 評评 話话 該该 詳详 請请 讀读 課课 調调 談谈 論论 諾诺
謀谋 變变 試试 詩诗 誠诚 誤误 譯译 訪访 詢询 頻频 題题 額额 顏颜 飛飞 飯饭 館馆
騎骑 駕驾 鳥鸟 鳴鸣 點点 齊齐 龍龙 龜龟 軍军 輸输 輪轮 較较 農农 鄧邓 鄭郑 鋼钢
錄录 錯错 鍵键 鏈链 閉闭 閱阅 陳陈 難难 電电 靈灵 韓韩 項项 須须 領领 顆颗 經经
結结 給给 絡络 統统 絕绝 綠绿 線线 織织 縮缩 續续 紅红 級级 紀纪 純纯 細细 組组
終终 聞闻 聲声 肅肃 處处 補补 規规 視视 覽览 觸触 討讨 許许 訴诉 詞词 貢贡 販贩
責责 貴贵 貿贸 賀贺 跡迹 踐践 輔辅 辦办 過过 違违 銷销 鎖锁 錶表 閃闪 閒闲 頂顶
頒颁 頓顿 飄飘 驅驱 驚惊 鬥斗 魯鲁 鮮鲜 麥麦 齡龄 圍围 場场 夠够 奪夺 奮奋 寧宁
審审 層层 屬属 島岛 峽峡 師师 幣币 幫帮 廣广 廠厂 廢废 彈弹 強强 歸归 徑径 憲宪
懸悬 戀恋 擇择 擔担 擴扩 擺摆 攜携 攤摊 敗败 敵敌 數数 斃毙 於于 晉晋 暫暂 標标
樓楼 機机 橫横 檢检 櫻樱 歐欧 殘残 滿满 潛潜 濟济 無无 煙烟 燈灯 牽牵 獨独 現现
盜盗 監监 礎础 禪禅 稱称 競竞 範范 簡简 籃篮 紐纽 締缔 編编 緣缘 罰罚 羅罗 膽胆
臉脸 臺台 艦舰 薦荐 虛虚 蝕蚀 衝冲 襲袭 見见 訓训 託托 誕诞 誼谊 諮咨 謂谓 貧贫
貼贴 賞赏 賽赛 趨趋 軸轴 輯辑 轄辖 辭辞 邁迈 醜丑 鏡镜 閣阁 闆板 靜静 韋韦 頸颈
顛颠 飼饲 餘余 駐驻 騷骚 驟骤 隻只 噸吨 乾干 幹干 雙双 億亿 灣湾 臺台 蘋苹 寫写
`

// cjkFilter folds traditional characters to simplified ones and turns runs of
// CJK characters into overlapping bigrams; a lone character stays a unigram.
// Every analyser runs it, since any text may quote Chinese names.
type cjkFilter struct {
	fold map[rune]rune
}

func newCJKFilter() *cjkFilter {
	f := &cjkFilter{fold: make(map[rune]rune, 600)}
	for _, p := range strings.Fields(hanPairs) {
		t, n := utf8.DecodeRuneInString(p)
		s, m := utf8.DecodeRuneInString(p[n:])
		if n+m == len(p) && t != s {
			f.fold[t] = s
		}
	}
	return f
}

// newCJK is the analyser for Chinese, Japanese and Korean documents: the
// generic pipeline, whose CJK filter does the work.
func newCJK(cjk *cjkFilter) *analyzer {
	return &analyzer{name: "cjk", filters: []tokenFilter{cjk}}
}

func (f *cjkFilter) filter(b *analysisBuf, toks []token) []token {
	out := toks[:0]
	for i := 0; i < len(toks); {
		if toks[i].kind != kindCJK {
			out = append(out, toks[i])
			i++
			continue
		}
		j := i + 1 // toks[i:j] is one run
		for j < len(toks) && toks[j].kind == kindCJK && toks[j].joined {
			j++
		}
		for k := i; k < j; k++ {
			f.foldToken(b, &toks[k])
		}
		if j-i == 1 {
			out = append(out, toks[i])
			i = j
			continue
		}
		// Bigram k is written at or before index k, after toks[k] and
		// toks[k+1] have been read.
		for k := i; k+1 < j; k++ {
			a, c := toks[k], toks[k+1]
			start := len(b.arena)
			b.arena = append(b.arena, a.term...)
			b.arena = append(b.arena, c.term...)
			out = append(out, token{
				term:  b.arena[start:len(b.arena):len(b.arena)],
				start: a.start, end: c.end, kind: kindCJK, joined: a.joined,
			})
		}
		i = j
	}
	return out
}

func (f *cjkFilter) foldToken(b *analysisBuf, t *token) {
	r, n := utf8.DecodeRune(t.term)
	s, ok := f.fold[r]
	if !ok || n != len(t.term) {
		return
	}
	if utf8.RuneLen(s) == n {
		utf8.EncodeRune(t.term, s)
		return
	}
	start := len(b.arena)
	b.arena = utf8.AppendRune(b.arena, s)
	t.term = b.arena[start:len(b.arena):len(b.arena)]
}
