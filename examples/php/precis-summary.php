<?php
/**
 * Plugin Name: Précis summaries
 * Description: Adds a short summary above each post and highlights its sentences, from a Précis deployment.
 * Version: 0.1.0
 *
 * Settings (wp-config.php): PRECIS_URL (e.g. https://precis.example.com) and PRECIS_API_KEY
 * (a secret key `sk_…` with the `summarize` scope; see `npm run keys` in the Précis repository).
 *
 * Offsets: the request asks for `offsetUnit: "codepoint"`, so a sentence is
 * mb_substr($text, $offset, $length, 'UTF-8') — PHP's byte offsets (substr) would cut Cyrillic,
 * accents or quotes in the middle of a character.
 */

if (!defined('ABSPATH')) {
    exit; // Loaded by WordPress only (run.php defines ABSPATH through its shim).
}

/**
 * Summaries of an article.
 *
 * @param string   $text    The article.
 * @param string[] $lengths Named lengths (short, medium, long, meta, social, keyPoints, standfirst).
 * @param string   $format  `text`, or `html` for post content as WordPress stores it.
 * @return array|WP_Error   The decoded response, or the problem as a WP_Error (code = Précis code).
 */
function precis_summarize($text, $lengths = array('short'), $format = 'text')
{
    $headers = array('Content-Type' => 'application/json');
    if (defined('PRECIS_API_KEY') && PRECIS_API_KEY !== '') {
        $headers['Authorization'] = 'Bearer ' . PRECIS_API_KEY;
    }
    $response = wp_remote_post(rtrim(PRECIS_URL, '/') . '/v1/summarize', array(
        'headers' => $headers,
        'body'    => wp_json_encode(array(
            'text'       => $text,
            'lengths'    => $lengths,
            'format'     => $format,
            'offsetUnit' => 'codepoint',
        )),
        'timeout' => 15,
    ));
    if (is_wp_error($response)) {
        return $response;
    }
    $status = wp_remote_retrieve_response_code($response);
    $body = json_decode(wp_remote_retrieve_body($response), true);
    if ($status !== 200) {
        // RFC 9457 problem details: `code` is stable, `errors` names each field at fault.
        $code = is_array($body) && isset($body['code']) ? $body['code'] : 'precis_http_' . $status;
        $detail = is_array($body) && isset($body['detail']) ? $body['detail'] : 'HTTP ' . $status;
        return new WP_Error($code, $detail, $body);
    }
    return $body;
}

/**
 * The article as HTML with the summary's sentences wrapped in <mark>.
 *
 * @param string $text    The text that was sent.
 * @param array  $summary One entry of `summaries`.
 */
function precis_highlight($text, $summary)
{
    $html = '';
    $position = 0;
    // Sentences are in article order (the default sortBy), so one pass suffices.
    foreach ($summary['sentences'] as $sentence) {
        $html .= esc_html(mb_substr($text, $position, $sentence['offset'] - $position, 'UTF-8'));
        $html .= '<mark>' . esc_html(mb_substr($text, $sentence['offset'], $sentence['length'], 'UTF-8')) . '</mark>';
        $position = $sentence['offset'] + $sentence['length'];
    }
    return $html . esc_html(mb_substr($text, $position, null, 'UTF-8'));
}

/** Puts the short summary above the post; on any failure the post is shown unchanged. */
function precis_summary_filter($content)
{
    // Post content is HTML: the API reads it as a browser shows it (tags, scripts, figures left out).
    $result = precis_summarize($content, array('short'), 'html');
    if (is_wp_error($result) || empty($result['summaries'][0]['text'])) {
        return $content;
    }
    return '<p class="precis-summary">' . esc_html($result['summaries'][0]['text']) . '</p>' . $content;
}

if (function_exists('add_filter')) {
    add_filter('the_content', 'precis_summary_filter');
}
