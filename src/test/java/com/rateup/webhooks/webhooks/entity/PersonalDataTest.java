package com.rateup.webhooks.webhooks.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.rateup.webhooks.webhooks.entity.PersonalData.FreeText;
import com.rateup.webhooks.webhooks.entity.PersonalData.Phone;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void eachPhonePolicySendsTheNumberItsWay() {
        assertThat(new PersonalData(Phone.SEND, FreeText.SEND).phoneAsSent("+14155552671", number -> "psn")).isEqualTo("+14155552671");
        assertThat(new PersonalData(Phone.MASK, FreeText.SEND).phoneAsSent("+14155552671", number -> "psn")).isEqualTo("+*********71");
        assertThat(new PersonalData(Phone.PSEUDONYMISE, FreeText.SEND).phoneAsSent("+14155552671", number -> "psn:" + number))
                .isEqualTo("psn:+14155552671");
        assertThat(new PersonalData(Phone.OMIT, FreeText.SEND).phoneAsSent("+14155552671", number -> "psn")).isNull();
        assertThat(new PersonalData(Phone.MASK, FreeText.SEND).phoneAsSent(null, number -> "psn")).as("none given, none sent").isNull();
    }

    @Test
    void maskingKeepsTheLastTwoDigitsAndAShortNumberWhole() {
        assertThat(PersonalData.masked("123")).isEqualTo("*23");
        assertThat(PersonalData.masked("12")).isEqualTo("12");
        assertThat(PersonalData.masked("+4930123456")).isEqualTo("+********56");
    }

    @Test
    void aSaveThatNamesOneMemberKeepsTheOther() {
        PersonalData current = new PersonalData(Phone.OMIT, FreeText.OMIT);
        assertThat(new PersonalData(Phone.MASK, null).over(current)).isEqualTo(new PersonalData(Phone.MASK, FreeText.OMIT));
        assertThat(new PersonalData(null, FreeText.SEND).over(current)).isEqualTo(new PersonalData(Phone.OMIT, FreeText.SEND));
        assertThat(Phone.ofWireName("pseudonymise")).contains(Phone.PSEUDONYMISE);
        assertThat(Phone.ofWireName("PSEUDONYMISE")).isEmpty();
    }
}
