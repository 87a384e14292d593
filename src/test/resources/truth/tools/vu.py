"""My own reading of a raw figure into (value, unit): number × multiplier, unit in the guideline's canonical names."""
import re
from decimal import Decimal
MULT = [("万亿", Decimal(10)**12), ("亿", Decimal(10)**8), ("千万", Decimal(10)**7), ("百万", Decimal(10)**6), ("万", Decimal(10)**4), ("千", Decimal(1000)), ("百", Decimal(100))]
UNITS = [("个百分点", "pp"), ("百分点", "pp"), ("%", "%"), ("‰", "‰"), ("元/千瓦时","CNY/kWh"), ("元/人","CNY/person"),
 ("美元", "USD"), ("元", "CNY"), ("吨公里", "t·km"), ("人公里", "person·km"), ("千瓦时", "kWh"), ("千瓦", "kW"),
 ("吨标准煤","tce"), ("吨", "t"), ("公斤", "kg"), ("平方公里", "km2"), ("平方米", "m2"), ("公顷","ha"), ("亩", "mu"), ("公里", "km"), ("千米","km"),
 ("立方米", "m3"), ("标准箱", "TEU"), ("倍", "times"), ("头", "count"), ("只", "count")]
CN = {"零":0,"一":1,"二":2,"两":2,"三":3,"四":4,"五":5,"六":6,"七":7,"八":8,"九":9,"十":10}
def parse(raw):
    s = raw.replace(",", "").replace("，", "")
    s = s.lstrip("第") if re.match(r"^第\d", s) else s
    m = re.match(r"^[约近超逾]?(-?\d+(?:\.\d+)?)", s)
    if m:
        v = Decimal(m.group(1)); rest = s[m.end():]
    else:
        m = re.match(r"^第?([零一二两三四五六七八九十]+)", s)
        if not m: return None, None
        t = m.group(1); v = Decimal(CN[t]) if len(t) == 1 else Decimal((CN.get(t[0],1) if t[0]!="十" else 1) * 10 + (CN.get(t[-1],0) if t[-1]!="十" else 0))
        rest = s[m.end():]
    if s.startswith("第"): return v, "rank"
    for name, f in MULT:
        if rest.startswith(name) and not rest.startswith("千瓦") and not rest.startswith("千米") and not rest.startswith("千克"):
            v *= f; rest = rest[len(name):]; break
    for name, u in UNITS:
        if rest.startswith(name): return v.normalize(), u
    if rest == "" : return v.normalize(), ""
    return v.normalize(), "count"
def fmt(v):
    if v is None: return ""
    s = format(v, "f")
    return s
