/**
 * Assessment forms as Excel workbooks: a blank form written for a variant, and the filled form read
 * back, provided as the {@code xlsx} {@link io.github.aftersales.core.assessment.AssessmentFormat}.
 *
 * <p>Depends on core (the assessment model, its located errors, the SPI) and Apache POI only; the
 * application finds it with {@link java.util.ServiceLoader} and never imports it.
 */
package io.github.aftersales.forms.xlsx;
