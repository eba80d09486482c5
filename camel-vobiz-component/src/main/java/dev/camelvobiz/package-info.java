/**
 * The {@code vobiz:} Camel component: its component, endpoint, options ({@link dev.camelvobiz.VobizConfiguration}),
 * endpoint kinds and message headers ({@link dev.camelvobiz.VobizConstants}). <b>Public API.</b> The
 * sub-packages {@code answer}, {@code audio}, {@code event} and the exception and outcome types of
 * {@code stream} and {@code api} are public too. {@code dev.camelvobiz.internal.*} ({@code server},
 * {@code webhook}, {@code forward}, {@code observe}) is the component's machinery: public only so its
 * packages can reach each other, not for applications, and free to change.
 */
package dev.camelvobiz;
