package org.populus.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;

/**
 * How one API surface renders errors that arise outside its controllers (unknown path, wrong method or media
 * type, 401/403 from the security chain). Each surface provides one bean; requests outside every surface get RFC
 * 9457 problem details.
 */
public interface SurfaceErrors {

    boolean owns(HttpServletRequest request);

    ResponseEntity<?> render(HttpServletRequest request, int status, String message);
}
