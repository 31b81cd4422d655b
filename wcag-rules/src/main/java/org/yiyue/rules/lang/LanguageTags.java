package org.yiyue.rules.lang;

import java.util.Locale;
import java.util.Set;

/**
 * ACT "known primary language tag": the first subtag (alphanumeric, hyphen-separated) must be a registered
 * language subtag. We embed ISO 639-1 and the ISO 639-3/5 subtags pages here actually use (Chinese varieties,
 * regional languages); an unlisted but registered 3-letter subtag is reported as cantTell, never as failed.
 */
public final class LanguageTags {

    private LanguageTags() {
    }

    private static final Set<String> TWO_LETTER = Set.of(("aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo "
            + "br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv "
            + "ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw "
            + "ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or "
            + "os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti "
            + "tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu").split(" "));

    private static final Set<String> THREE_LETTER = Set.of(("cmn yue hak nan wuu hsn gan cjy cdo cpx czh czo lzh mnp "
            + "zho chi eng fra fre deu ger spa por rus ara jpn kor tib bod uig mon vie tha msa may ind fil tgl ase sgn "
            + "csl zhx och ltc yid haw ast ckb gsw hmn zza mul und mis zxx").split(" "));

    /** Registered but not a primary language subtag of Type "language": treated as unknown. */
    private static final Set<String> NOT_LANGUAGE = Set.of("qaa", "qtz");

    public enum Known { YES, NO, UNKNOWN }

    public static String primarySubtag(String tag) {
        String t = tag.trim();
        int dash = t.indexOf('-');
        return (dash < 0 ? t : t.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    public static Known hasKnownPrimaryLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return Known.NO;
        }
        String t = tag.trim();
        // grandfathered irregular tags (i-klingon, i-default) and private use have no known primary language
        if (!t.matches("[A-Za-z0-9]+(-[A-Za-z0-9]+)*")) {
            return Known.NO;
        }
        String primary = primarySubtag(t);
        if (!primary.matches("[a-z]+")) {
            return Known.NO;
        }
        return switch (primary.length()) {
            case 2 -> TWO_LETTER.contains(primary) ? Known.YES : Known.NO;
            case 3 -> THREE_LETTER.contains(primary) ? Known.YES
                    : primary.startsWith("q") && primary.compareTo("qtz") <= 0 || NOT_LANGUAGE.contains(primary)
                            ? Known.NO : Known.UNKNOWN;
            default -> Known.NO; // 1 letter (i, x) or 4+ letters: never a registered language subtag in use
        };
    }
}
