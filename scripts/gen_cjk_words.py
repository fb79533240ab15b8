"""Generate the Chinese word list that line breaking keeps whole.

Reads the dictionary of jieba (MIT licence; `pip download --no-binary :all:
jieba==0.42.1` and unpack jieba/dict.txt), keeps the words of two to four
Han characters used at least MIN_FREQUENCY times in its corpus (about twenty
thousand of them, from 正在 and 通知 to 冻结 and 须知), adds the words of
financial services that a general corpus counts too rarely (挂失, 柜员, 坐席),
and writes src/blueprint/layout/wordlist/zh-words.txt, one line per word
length, words separated by spaces. The runtime only reads that file, and
only when it wraps Chinese text.

Usage:

    python scripts/gen_cjk_words.py path/to/jieba/dict.txt
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT = REPO_ROOT / "src" / "blueprint" / "layout" / "wordlist" / "zh-words.txt"
# Below this, jieba's counts are mostly names, idioms and rare compounds: the
# list would grow several times over for words a label almost never holds.
MIN_FREQUENCY = 200
HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")

# Words of banking, insurance and service design that the general corpus
# counts fewer than MIN_FREQUENCY times, yet blueprints of financial
# services say all the time.
DOMAIN_WORDS = """
挂失 补办 补卡 存折 存单 柜员 柜台 柜面 坐席 盗刷 活期 定期 凭条 叫号 排号 取号 填单 核身 尾号 追款 复核 复述
开户 销户 转账 汇款 取款 存款 理财 网银 手机银行 短信 验证码 密码 签名 签字 授权 审批 审核 放款 还款 逾期 额度
利率 利息 本金 贷款 房贷 按揭 抵押 担保 征信 风控 反欺诈 冻结 解冻 止付 挂账 对账 回单 流水 账单 账户 网点
大堂 大堂经理 客户经理 客服 热线 工单 投诉 理赔 报案 定损 核赔 保单 保费 投保 退保 续保 出险 查勘 赔付 赔款
证件 身份证 营业执照 预约 排队 等候 叫号机 取号机 自助 终端 柜员机 存取款机 回访 满意度 承诺 时效 超时
"""


def read_dictionary(path: Path) -> set[str]:
    words = set()
    for row in path.read_text(encoding="utf-8").splitlines():
        parts = row.split()
        if len(parts) >= 2 and HAN_WORD.fullmatch(parts[0]) and int(parts[1]) >= MIN_FREQUENCY:
            words.add(parts[0])
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dictionary", type=Path, help="jieba's dict.txt")
    arguments = parser.parse_args()
    words = read_dictionary(arguments.dictionary) | set(DOMAIN_WORDS.split())
    lines = [" ".join(sorted(word for word in words if len(word) == length)) for length in (2, 3, 4)]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(REPO_ROOT)}: {len(words):,} words, {OUTPUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
