<?php
/**
 * The few WordPress functions the plugin uses, for running it from the command line (run.php)
 * without a WordPress install. HTTP goes through PHP's own streams (no curl extension needed).
 * Inside WordPress this file is not loaded: the real functions are used.
 */

define('ABSPATH', __DIR__ . '/');

class WP_Error
{
    private $code;
    private $message;
    private $data;

    public function __construct($code = '', $message = '', $data = '')
    {
        $this->code = $code;
        $this->message = $message;
        $this->data = $data;
    }

    public function get_error_code() { return $this->code; }
    public function get_error_message() { return $this->message; }
    public function get_error_data() { return $this->data; }
}

function is_wp_error($thing)
{
    return $thing instanceof WP_Error;
}

function wp_json_encode($data)
{
    return json_encode($data, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
}

function esc_html($text)
{
    return htmlspecialchars($text, ENT_QUOTES, 'UTF-8');
}

/** Same shape as WordPress' answer: headers, body, response { code, message }. */
function wp_remote_post($url, $args = array())
{
    $lines = array('Connection: close');
    foreach (isset($args['headers']) ? $args['headers'] : array() as $name => $value) {
        $lines[] = $name . ': ' . $value;
    }
    $context = stream_context_create(array('http' => array(
        'method'        => 'POST',
        'protocol_version' => 1.1,
        'header'        => implode("\r\n", $lines),
        'content'       => isset($args['body']) ? $args['body'] : '',
        'timeout'       => isset($args['timeout']) ? $args['timeout'] : 5,
        'ignore_errors' => true, // Keep the body of a 4xx/5xx: it is the problem+json.
    )));
    $stream = @fopen($url, 'r', false, $context);
    if ($stream === false) {
        $error = error_get_last();
        return new WP_Error('http_request_failed', $error ? $error['message'] : 'request failed');
    }
    $meta = stream_get_meta_data($stream);
    $headers = $meta['wrapper_data'];
    $status = 0;
    $message = '';
    $length = -1;
    foreach ($headers as $line) {
        if (preg_match('#^HTTP/\S+\s+(\d{3})\s*(.*)$#', $line, $m)) {
            $status = (int) $m[1];
            $message = $m[2];
        } elseif (preg_match('#^content-length:\s*(\d+)#i', $line, $m)) {
            $length = (int) $m[1];
        }
    }
    // Read exactly Content-Length bytes: a server may keep the connection open after them.
    $body = $length >= 0 ? stream_get_contents($stream, $length) : stream_get_contents($stream);
    fclose($stream);
    return array(
        'headers'  => $headers,
        'body'     => $body,
        'response' => array('code' => $status, 'message' => $message),
    );
}

function wp_remote_retrieve_body($response)
{
    return is_wp_error($response) || !isset($response['body']) ? '' : $response['body'];
}

function wp_remote_retrieve_response_code($response)
{
    return is_wp_error($response) || !isset($response['response']['code']) ? '' : $response['response']['code'];
}
