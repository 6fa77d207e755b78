package org.populus.verification;

/**
 * One file handed in for a document verification, as received: its name, its declared content type and its bytes.
 * A null name is read as empty, null content as no bytes.
 */
public record Upload(String filename, String contentType, byte[] content) {

    public Upload {
        filename = filename == null ? "" : filename;
        content = content == null ? new byte[0] : content;
    }
}
