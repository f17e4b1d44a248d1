package com.rateup.webhooks.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named value the platform keeps across restarts (e.g. the generated admin password's hash). */
@Entity
@Table(name = "platform_setting")
public class PlatformSetting {

    @Id
    private String name;

    @Column(name = "setting_value")
    private String value;

    protected PlatformSetting() {
    }

    public PlatformSetting(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String value() {
        return value;
    }

    public void replace(String value) {
        this.value = value;
    }
}
