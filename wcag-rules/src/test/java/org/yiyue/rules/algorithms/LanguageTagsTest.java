package org.yiyue.rules.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yiyue.rules.lang.LanguageTags;
import org.yiyue.rules.lang.LanguageTags.Known;

/** ACT "known primary language tag" over BCP 47 tags. */
class LanguageTagsTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            zh-CN, YES
            ZH-cn, YES
            zh-Hans-CN, YES
            cmn-Hans, YES
            yue, YES
            hak-TW, YES
            en, YES
            de-hello, YES
            english, NO
            chinese, NO
            zh_CN, NO
            i-klingon, NO
            x-private, NO
            qaa, NO
            xx, NO
            tlh, UNKNOWN
            '', NO
            """)
    void primaryLanguage(String tag, Known expected) {
        assertEquals(expected, LanguageTags.hasKnownPrimaryLanguage(tag == null ? "" : tag), tag);
    }
}
